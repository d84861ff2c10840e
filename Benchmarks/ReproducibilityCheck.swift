import NeuralNet

/// Fingerprints of results that must not depend on threads or on the instruction set the
/// library was compiled for: compare the output of two builds (for example with and without
/// `-Xswiftc -target-cpu -Xswiftc haswell`) or two thread counts.
enum ReproducibilityCheck {
    static func run(threadCounts: [Int]) {
        report("Result fingerprints (FNV-1a of the result's bits)")
        for threads in threadCounts {
            let settings = ComputeSettings(threadCount: threads)
            var generator = SeededGenerator(seed: 3)
            let a = Tensor<Float>.random(shape: [300, 257], in: -1...1, using: &generator)
            let b = Tensor<Float>.random(shape: [257, 311], in: -1...1, using: &generator)
            let c = Tensor<Double>.random(shape: [300, 257], in: -1...1, using: &generator)
            let d = Tensor<Double>.random(shape: [257, 311], in: -1...1, using: &generator)
            let float = fingerprint(
                matmul(a, b, settings: settings).scalars.map { UInt64($0.bitPattern) })
            let double = fingerprint(matmul(c, d, settings: settings).scalars.map(\.bitPattern))
            // Small products, which read their operands in place, and every kernel of a
            // training step: the MLP workload's weights after one epoch.
            let workload = TrainingBenchmark.Workload(epochs: 1, settings: settings)
            let weights = workload.trained().parameters.flatMap(\.scalars)
            let mlp = fingerprint(weights.map { UInt64($0.bitPattern) })
            report(
                "  \(threads) thread(s): fp32 matmul \(hex(float)), fp64 matmul \(hex(double)),"
                    + " MLP epoch \(hex(mlp))")
        }
    }

    /// The 64-bit FNV-1a hash of a list of words.
    static func fingerprint(_ words: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            hash = (hash ^ word) &* 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
