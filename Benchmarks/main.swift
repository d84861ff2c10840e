// Speed figures for the README, for 1 and 2 threads. `Benchmarks/ratios.sh` builds this as
// the engine builds the libraries and runs `Benchmarks ratios`: every ratio against OpenBLAS
// and the peer scripts from one run. Other sections print this library's figures alone.
import Foundation
import NeuralNet

// `BENCH_THREADS=2` measures one thread count only.
let threadCounts =
    ProcessInfo.processInfo.environment["BENCH_THREADS"].map(RatioReport.integers) ?? [1, 2]
if !ThreadedRun.isChild {
    report(MachineDescription.current)
    report(MachineDescription.loadAverage)
    report()
}
// Arguments pick sections: `matmul`, `mlp`, `layers` (or one of its workloads: `cnn`,
// `lstm`, `gru`), `fingerprints`; none runs them all. `ratios` runs the comparison instead
// (`ratios matmul` or `ratios training` for one half); `training-results` is its child's part.
let sections = Set(CommandLine.arguments.dropFirst())
let workloads = sections.intersection(["cnn", "lstm", "gru"])
if sections.contains("training-results") {
    RatioReport.printTrainingResults()
    exit(0)
}
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "profile",
    let n = Int(CommandLine.arguments[2]), let repeats = Int(CommandLine.arguments[3])
{
    // `profile N REPEATS`: one fp32 n × n product, REPEATS times on one thread, and nothing
    // else, for `valgrind --tool=callgrind` to count where the instructions go.
    var generator = SeededGenerator(seed: 1)
    let a = Tensor<Float>.random(shape: [n, n], in: 0...1, using: &generator)
    let b = Tensor<Float>.random(shape: [n, n], in: 0...1, using: &generator)
    var checksum: Float = 0
    for _ in 0..<repeats {
        checksum += matmul(a, b, settings: ComputeSettings(threadCount: 1)).scalars[0]
    }
    print("checksum \(checksum)")
    exit(0)
}
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "profile",
    CommandLine.arguments[2] == "mlp", let epochs = Int(CommandLine.arguments[3])
{
    // `profile mlp EPOCHS`: the MLP workload's training alone, on one thread, untimed.
    print(
        "test accuracy \(TrainingBenchmark.train(epochs: epochs, settings: .init(threadCount: 1)))")
    exit(0)
}
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "profile",
    let kind = LayerWorkloads.RecurrentKind(rawValue: CommandLine.arguments[2].uppercased()),
    let steps = Int(CommandLine.arguments[3])
{
    // `profile lstm STEPS` (or `gru`): that workload's Adam steps alone, on one thread, for
    // `perf record` or callgrind; once untimed, then once timed.
    let result = LayerWorkloads.recurrentTraining(kind, runs: 1, steps: steps)
    print("\(kind) step \(result.millisecondsPerStep) ms, error \(result.evaluationError)")
    exit(0)
}
if sections.contains("ratios") {
    RatioReport.run(
        threadCounts: threadCounts, quietWait: QuietGate.maximumWait,
        matrixMultiply: !sections.contains("training"), training: !sections.contains("matmul"))
    report(MachineDescription.loadAverage)
    exit(0)
}
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
        report(
            "CNN, LSTM and GRU training (median of 3 runs after a quiet-machine wait and a warm-up)"
        )
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
