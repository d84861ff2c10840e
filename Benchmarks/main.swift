// Speed figures for the README: matrix multiply GFLOP/s and MLP training samples/s, for 1 and
// 2 threads. Run with `swift run -c release Benchmarks` on a quiet machine.
import Foundation
import NeuralNet

let threadCounts = [1, 2]
report(MachineDescription.current)
report(MachineDescription.loadAverage)
report()
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
    LayerWorkloads.run(only: workloads)
    report()
}
if sections.isEmpty || sections.contains("fingerprints") {
    ReproducibilityCheck.run(threadCounts: threadCounts)
}
report(MachineDescription.loadAverage)
