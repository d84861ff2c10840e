import NeuralNet

/// Square matrix multiply, `C = A·B` with `n × n` operands: `2n³` floating-point operations.
enum MatrixMultiplyBenchmark {
    static func run(sizes: [Int], threadCounts: [Int]) {
        report("Matrix multiply, GFLOP/s: median of 9 runs, and (best)")
        report(
            pad("n", 6)
                + threadCounts.map { pad("fp32 \($0)T", 15) + pad("fp64 \($0)T", 15) }.joined())
        for n in sizes {
            var row = pad("\(n)", 6)
            for threads in threadCounts {
                let settings = ComputeSettings(threadCount: threads)
                for rate in [
                    gigaflops(Float.self, n: n, settings: settings),
                    gigaflops(Double.self, n: n, settings: settings),
                ] {
                    row += pad("\(format(rate.median)) (\(format(rate.best)))", 15)
                }
            }
            report(row)
        }
    }

    /// The rate of one `n × n` product, each timed run repeating it to last about 0.1 s.
    static func gigaflops<Scalar: TensorScalar>(
        _: Scalar.Type, n: Int, settings: ComputeSettings
    ) -> (median: Double, best: Double) {
        var generator = SeededGenerator(seed: 1)
        let a = Tensor<Scalar>.random(shape: [n, n], in: 0...1, using: &generator)
        let b = Tensor<Scalar>.random(shape: [n, n], in: 0...1, using: &generator)
        let operations = 2 * Double(n) * Double(n) * Double(n)
        let repeats = max(1, Int(1e10 / operations))  // about 0.1 s at 100 GFLOP/s
        var checksum: Scalar = 0
        let seconds = Stopwatch.timings(runs: 9) {
            for _ in 0..<repeats { checksum += matmul(a, b, settings: settings).scalars[0] }
        }
        precondition(checksum > 0)
        let total = operations * Double(repeats) / 1e9
        return (total / seconds.median, total / seconds.best)
    }
}

/// `text` right-aligned in `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

/// A number with one decimal.
func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}
