import Foundation
import NeuralNet

/// This library's matrix multiply against OpenBLAS's, interleaved: round after round, one
/// timed run of each (in alternating order), so both see the same machine, however loaded.
enum MatrixMultiplyRatio {
    /// The ratios' rows, one per size, type and thread count.
    struct Row {
        let label: String
        let ours: Double
        let reference: Double
        let ratio: Double
        /// The ratio of CPU times (all threads'), which other processes stretch far less.
        let processorRatio: Double
    }

    /// Measures every size at every thread count, in `Float` and `Double`; prints a table and
    /// returns its rows.
    static func run(
        sizes: [Int], types: [String], threadCounts: [Int], rounds: Int,
        reference: OpenBLASReference
    ) -> [Row] {
        report(
            "Matrix multiply n × n, GFLOP/s = 2n³/wall-clock time: medians of \(rounds)"
                + " interleaved rounds; ratio = median of the rounds' ratios of wall-clock times"
                + " (OpenBLAS's ÷ ours); CPU ratio = the same of process CPU times")
        report("  reference: \(reference.description)")
        report(
            pad("threads", 9) + pad("type", 6) + pad("n", 6) + pad("ours", 9) + pad("OpenBLAS", 10)
                + pad("ratio", 8) + pad("CPU ratio", 11))
        var rows: [Row] = []
        for threads in threadCounts {
            reference.setThreads(Int32(threads))
            for scalar in types {
                for n in sizes {
                    let (ours, theirs, ratio, processorRatio) =
                        scalar == "fp32"
                        ? measure(Float.self, n: n, threads: threads, rounds: rounds, reference)
                        : measure(Double.self, n: n, threads: threads, rounds: rounds, reference)
                    rows.append(
                        Row(
                            label: "\(scalar) \(threads)T n=\(n)", ours: ours, reference: theirs,
                            ratio: ratio, processorRatio: processorRatio))
                    report(
                        pad("\(threads)", 9) + pad(scalar, 6) + pad("\(n)", 6)
                            + pad(format(ours), 9) + pad(format(theirs), 10)
                            + pad(String(format: "%.2f", ratio), 8)
                            + pad(String(format: "%.2f", processorRatio), 11))
                }
            }
        }
        return rows
    }

    /// Medians of our and OpenBLAS's rates and of their per-round ratio, for one size.
    static func measure<Scalar: ReferenceScalar>(
        _: Scalar.Type, n: Int, threads: Int, rounds: Int, _ reference: OpenBLASReference
    ) -> (ours: Double, reference: Double, ratio: Double, processorRatio: Double) {
        var generator = SeededGenerator(seed: 1)
        let a = Tensor<Scalar>.random(shape: [n, n], in: 0...1, using: &generator)
        let b = Tensor<Scalar>.random(shape: [n, n], in: 0...1, using: &generator)
        let (aScalars, bScalars) = (a.scalars, b.scalars)
        var c = [Scalar](repeating: 0, count: n * n)
        let settings = ComputeSettings(threadCount: threads)
        let operations = 2 * Double(n) * Double(n) * Double(n)
        let repeats = max(1, Int(4e9 / operations))  // about 40 ms at 100 GFLOP/s
        var checksum: Scalar = 0
        let ours = {
            for _ in 0..<repeats { checksum += matmul(a, b, settings: settings).scalars[0] }
        }
        let theirs = {
            for _ in 0..<repeats {
                Scalar.referenceMultiply(reference, aScalars, bScalars, into: &c, n: n)
                checksum += c[0]
            }
        }
        // Each warm-up allocates what the runs reuse and lets the threads start.
        ours()
        theirs()
        var (ourRates, theirRates, ratios) = ([Double](), [Double](), [Double]())
        var processorRatios: [Double] = []
        func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
            let start = Stopwatch.processorSeconds()
            let wall = Stopwatch.seconds(body)
            return (wall, Stopwatch.processorSeconds() - start)
        }
        let total = operations * Double(repeats) / 1e9
        for round in 0..<rounds {
            var ourSeconds = (wall: 0.0, cpu: 0.0)
            var theirSeconds = (wall: 0.0, cpu: 0.0)
            if round % 2 == 0 {
                ourSeconds = timed(ours)
                theirSeconds = timed(theirs)
                settle(threads)
            } else {
                theirSeconds = timed(theirs)
                settle(threads)
                ourSeconds = timed(ours)
            }
            ourRates.append(total / ourSeconds.wall)
            theirRates.append(total / theirSeconds.wall)
            ratios.append(theirSeconds.wall / ourSeconds.wall)
            processorRatios.append(theirSeconds.cpu / ourSeconds.cpu)
        }
        precondition(checksum > 0)
        return (median(ourRates), median(theirRates), median(ratios), median(processorRatios))
    }

    /// After an OpenBLAS run on several threads, waits until its idle threads stop spinning
    /// (`OPENBLAS_THREAD_TIMEOUT`), so that they take no core from our next run.
    static func settle(_ threads: Int) {
        if threads > 1 { Thread.sleep(forTimeInterval: 0.02) }
    }

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}

/// `Float` and `Double`, whose products OpenBLAS computes.
protocol ReferenceScalar: TensorScalar {
    static func referenceMultiply(
        _ reference: OpenBLASReference, _ a: [Self], _ b: [Self], into c: inout [Self], n: Int)
}

extension Float: ReferenceScalar {
    static func referenceMultiply(
        _ reference: OpenBLASReference, _ a: [Float], _ b: [Float], into c: inout [Float], n: Int
    ) {
        reference.multiply(a, b, into: &c, n: n)
    }
}

extension Double: ReferenceScalar {
    static func referenceMultiply(
        _ reference: OpenBLASReference, _ a: [Double], _ b: [Double], into c: inout [Double],
        n: Int
    ) {
        reference.multiply(a, b, into: &c, n: n)
    }
}
