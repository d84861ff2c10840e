// Speed figures for the README: matrix multiply GFLOP/s, MLP and CNN training samples/s, and
// LSTM and GRU milliseconds per step, for 1 and 2 threads. Run with
// `swift run -c release Benchmarks` on a quiet machine.
import Foundation
import NeuralNet

let threadCounts = [1, 2]
if !ThreadedRun.isChild {
    report(MachineDescription.current)
    if !ThreadedRun.isChild {
        report(MachineDescription.loadAverage)
    }
    report()
}
// Arguments pick sections: `matmul`, `mlp`, `layers` (or one of its workloads: `cnn`, `lstm`,
// `gru`), `fingerprints`; none runs them all.
let sections = Set(CommandLine.arguments.dropFirst())
let workloads = sections.intersection(["cnn", "lstm", "gru"])
if sections.isEmpty || sections.contains("matmul") {
    MatrixMultiplyBenchmark.run(sizes: [128, 256, 512, 1024], threadCounts: threadCounts)
    report()
}
if sections.isEmpty || sections.contains("mlp") {
    TrainingBenchmark.run(threadCounts: threadCounts)
    report()
}
if sections.isEmpty || sections.contains("layers") || !workloads.isEmpty {
    if ThreadedRun.isChild {
        LayerWorkloads.run(only: workloads)
    } else {
        // The layers use the default settings, read from the environment: one child each.
        report("CNN, LSTM and GRU training (median of 3 runs after a warm-up)")
        for threads in threadCounts {
            ThreadedRun.run(workloads.isEmpty ? ["layers"] : Array(workloads), threads: threads)
        }
        report()
    }
}
if sections.isEmpty || sections.contains("fingerprints") {
    ReproducibilityCheck.run(threadCounts: threadCounts)
}
if !ThreadedRun.isChild {
    report(MachineDescription.loadAverage)
}
