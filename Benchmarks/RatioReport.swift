import Foundation
import NeuralNet

/// Every ratio from one run: matrix multiply against OpenBLAS (interleaved, in this process),
/// then each training workload against the best peer script, ours and the peers' run
/// back-to-back for each thread count. `Benchmarks/ratios.sh` builds and runs it.
enum RatioReport {
    /// The goals the README states: matrix multiply at 90 % of OpenBLAS, every training
    /// workload 1.5 times as fast as the best peer.
    static let matrixMultiplyGoal = 0.9
    static let trainingGoal = 1.5

    /// The training workloads, as the child process reports them.
    struct Workload {
        let key: String
        let name: String
        /// Whether the figure is a time (lower is better) rather than a rate.
        let isTime: Bool
        let unit: String
    }

    static let workloads = [
        Workload(key: "mlp", name: "MLP 64-128-10", isTime: false, unit: "samples/s"),
        Workload(key: "cnn", name: "CNN conv-pool-dense", isTime: false, unit: "samples/s"),
        Workload(key: "lstm", name: "LSTM step", isTime: true, unit: "ms"),
        Workload(key: "gru", name: "GRU step", isTime: true, unit: "ms"),
    ]

    static func run(threadCounts: [Int], quietWait: Double, matrixMultiply: Bool, training: Bool) {
        var shortfalls: [String] = []
        // OpenBLAS's choice of kernel is what we compare with: let it detect this processor.
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv("OPENBLAS_L2_SIZE")
        if matrixMultiply {
            shortfalls += matrixMultiplyRatios(threadCounts: threadCounts)
        }
        if training {
            report()
            shortfalls += trainingRatios(threadCounts: threadCounts, quietWait: quietWait)
        }
        report()
        report(
            "Ratios: ours ÷ OpenBLAS for matrix multiply (goal ≥ \(matrixMultiplyGoal)); for"
                + " training, how many times as fast as the best peer (goal ≥ \(trainingGoal)).")
        if shortfalls.isEmpty {
            report("Every measured ratio meets its goal.")
        } else {
            report("Short of the goal in this run:")
            for shortfall in shortfalls { report("  " + shortfall) }
        }
    }

    /// Our matrix multiply against OpenBLAS's; prints a table and returns the ratios that
    /// fall short.
    static func matrixMultiplyRatios(threadCounts: [Int]) -> [String] {
        guard let reference = OpenBLASReference.load() else {
            report("Matrix multiply: OpenBLAS not found (libopenblas.so.0); ratio not measured")
            return []
        }
        // `MATMUL_SIZES=1024 MATMUL_TYPES=fp32` measures one row again, the same way.
        let environment = ProcessInfo.processInfo.environment
        let sizes = environment["MATMUL_SIZES"].map(integers) ?? [128, 256, 512, 1024]
        let types = environment["MATMUL_TYPES"].map { $0.split(separator: ",").map(String.init) }
        let rows = MatrixMultiplyRatio.run(
            sizes: sizes, types: types ?? ["fp32", "fp64"], threadCounts: threadCounts, rounds: 9,
            reference: reference)
        return rows.filter { $0.ratio < matrixMultiplyGoal }.map { row in
            "matrix multiply \(row.label): \(String(format: "%.2f", row.ratio)) of OpenBLAS"
                + " (goal \(matrixMultiplyGoal))"
        }
    }

    /// The whole numbers of a comma-separated list.
    static func integers(_ list: String) -> [Int] {
        list.split(separator: ",").compactMap { Int($0) }
    }

    /// Ours, then the peers', for each thread count; prints a table and returns the ratios
    /// that fall short, and any workload that two threads run slower than one.
    static func trainingRatios(threadCounts: [Int], quietWait: Double) -> [String] {
        var shortfalls: [String] = []
        let (peers, note) = PeerRun.find()
        report(
            "Training (digits MLP and CNN, sine LSTM and GRU, as in shared/bench): ours, then"
                + " the peers, for each thread count; wall-clock medians of 3 after a warm-up"
                + " (ours also by process CPU time); ratio = how many times as fast as the peer")
        report("  " + note)
        report(
            pad("threads", 9) + "  " + "workload".padding(toLength: 26, withPad: " ", startingAt: 0)
                + pad("ours", 10) + pad("(CPU)", 10) + pad("best peer", 10) + "  "
                + "peer".padding(toLength: 26, withPad: " ", startingAt: 0) + pad("ratio", 7))
        var ours: [Int: [String: Double]] = [:]
        for threads in threadCounts {
            let (output, status) = ThreadedRun.capture(["training-results"], threads: threads)
            var figures: [String: (wall: Double, cpu: Double)] = [:]
            for line in output.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count == 4, fields[0] == "result", let wall = Double(fields[2]),
                    let cpu = Double(fields[3])
                {
                    figures[String(fields[1])] = (wall, cpu)
                }
            }
            if status != 0 { report("  our training run exited with status \(status)") }
            ours[threads] = figures.mapValues(\.wall)
            let best = peers?.run(threads: threads, quietWait: quietWait) ?? [:]
            for workload in workloads {
                guard let figure = figures[workload.key] else { continue }
                var line =
                    pad("\(threads)", 9) + "  "
                    + "\(workload.name), \(workload.unit)".padding(
                        toLength: 26, withPad: " ", startingAt: 0)
                    + pad(formatted(figure.wall, workload), 10)
                    + pad(formatted(figure.cpu, workload), 10)
                if let peer = best[workload.key] {
                    let ratio =
                        workload.isTime ? peer.value / figure.wall : figure.wall / peer.value
                    line +=
                        pad(formatted(peer.value, workload), 10) + "  "
                        + peer.variant.padding(toLength: 26, withPad: " ", startingAt: 0)
                        + pad(String(format: "%.2f", ratio), 7)
                    if ratio < trainingGoal {
                        shortfalls.append(
                            "\(workload.name), \(threads) thread(s): \(String(format: "%.2f", ratio))"
                                + "× \(peer.variant) (goal \(trainingGoal)×)")
                    }
                } else {
                    line += pad("-", 10) + "  peer not measured"
                }
                report(line)
            }
        }
        if let one = ours[1], let two = ours[2] {
            for workload in workloads {
                guard let single = one[workload.key], let double = two[workload.key] else {
                    continue
                }
                let speedUp = workload.isTime ? single / double : double / single
                if speedUp < 0.95 {
                    shortfalls.append(
                        "\(workload.name): 2 threads at \(String(format: "%.2f", speedUp))× the"
                            + " speed of 1")
                }
            }
        }
        return shortfalls
    }

    /// A rate to the unit, a time to two decimals.
    static func formatted(_ value: Double, _ workload: Workload) -> String {
        workload.isTime ? String(format: "%.2f", value) : String(Int(value.rounded()))
    }

    /// The child's part: every training workload on this process's default settings, one
    /// `result <workload> <wall> <cpu>` line each (rates in samples/s, times in ms per step).
    static func printTrainingResults() {
        let mlp = TrainingBenchmark.measure(settings: .default)
        print("result mlp \(mlp.samplesPerSecond) \(mlp.samplesPerCPUSecond)")
        let cnn = LayerWorkloads.convolutionalTraining()
        print("result cnn \(cnn.samplesPerSecond) \(cnn.samplesPerCPUSecond)")
        for kind in [LayerWorkloads.RecurrentKind.lstm, .gru] {
            let result = LayerWorkloads.recurrentTraining(kind)
            print(
                "result \(kind.rawValue.lowercased()) \(result.millisecondsPerStep)"
                    + " \(result.cpuMillisecondsPerStep)")
        }
    }
}
