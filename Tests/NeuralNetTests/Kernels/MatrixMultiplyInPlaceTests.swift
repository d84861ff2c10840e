import Testing

@testable import NeuralNet

/// A small product reads its operands in place where their layout allows; that must give the
/// same bytes as packing both, for every layout, edge and thread count.
@Suite struct MatrixMultiplyInPlaceTests {
    /// `m × k` by `k × n`, A and B each row-major or transposed, on the given packing.
    private func product<Scalar: TensorScalar>(
        _: Scalar.Type, m: Int, n: Int, k: Int, transposingA: Bool, transposingB: Bool,
        packing: MatrixMultiplyKernel.Packing, threads: Int = 1
    ) -> [Scalar] {
        var generator = SeededGenerator(seed: UInt64(m * 10_000 + n * 100 + k))
        let a = Tensor<Scalar>.random(shape: [m * k], in: -1...1, using: &generator).scalars
        let b = Tensor<Scalar>.random(shape: [k * n], in: -1...1, using: &generator).scalars
        // Element (i, p) of A lies at i·rowStride + p·columnStride.
        let (aRow, aColumn) = transposingA ? (1, m) : (k, 1)
        let (bRow, bColumn) = transposingB ? (1, k) : (n, 1)
        var c = [Scalar](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    if let a = a.baseAddress as? UnsafePointer<Float>,
                        let b = b.baseAddress as? UnsafePointer<Float>,
                        let c = c.baseAddress as? UnsafeMutablePointer<Float>
                    {
                        MatrixMultiplyKernel.multiplyFloat(
                            rows: m, columns: n, depth: k,
                            StridedMatrix(base: a, rowStride: aRow, columnStride: aColumn),
                            StridedMatrix(base: b, rowStride: bRow, columnStride: bColumn),
                            into: c, threadCount: threads, packing: packing)
                    } else if let a = a.baseAddress as? UnsafePointer<Double>,
                        let b = b.baseAddress as? UnsafePointer<Double>,
                        let c = c.baseAddress as? UnsafeMutablePointer<Double>
                    {
                        MatrixMultiplyKernel.multiplyDouble(
                            rows: m, columns: n, depth: k,
                            StridedMatrix(base: a, rowStride: aRow, columnStride: aColumn),
                            StridedMatrix(base: b, rowStride: bRow, columnStride: bColumn),
                            into: c, threadCount: threads, packing: packing)
                    }
                }
            }
        }
        return c
    }

    /// Shapes with full and partial tiles, depths below and above one k-block, and the
    /// training workloads' products (a batch of 32 through 64-128-10, forward and backward).
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (32, 128, 64), (32, 10, 128), (64, 128, 32), (128, 10, 32), (32, 128, 10),
        (1, 1, 1), (5, 16, 1), (7, 17, 300), (3, 33, 2), (50, 40, 260),
    ]

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func inPlaceGivesThePackedBytes(transposingA: Bool, transposingB: Bool) {
        for (m, n, k) in Self.shapes {
            #expect(m * n * k <= MatrixMultiplyKernel.inPlaceWork)
            for threads in [1, 2] {
                let packed = product(
                    Float.self, m: m, n: n, k: k, transposingA: transposingA,
                    transposingB: transposingB, packing: .always)
                let inPlace = product(
                    Float.self, m: m, n: n, k: k, transposingA: transposingA,
                    transposingB: transposingB, packing: .automatic, threads: threads)
                #expect(
                    packed.map(\.bitPattern) == inPlace.map(\.bitPattern),
                    "Float \(m) × \(n) × \(k), \(threads) thread(s)")
                let packedDouble = product(
                    Double.self, m: m, n: n, k: k, transposingA: transposingA,
                    transposingB: transposingB, packing: .always)
                let inPlaceDouble = product(
                    Double.self, m: m, n: n, k: k, transposingA: transposingA,
                    transposingB: transposingB, packing: .automatic, threads: threads)
                #expect(
                    packedDouble.map(\.bitPattern) == inPlaceDouble.map(\.bitPattern),
                    "Double \(m) × \(n) × \(k), \(threads) thread(s)")
            }
        }
    }

    @Test func inPlaceMatchesTheTextbookProduct() {
        // 7 × 17 × 3, A transposed and B row-major, both read in place: against the triple loop.
        let (m, n, k) = (7, 17, 3)
        let c = product(
            Double.self, m: m, n: n, k: k, transposingA: true, transposingB: false,
            packing: .automatic)
        var generator = SeededGenerator(seed: UInt64(m * 10_000 + n * 100 + k))
        let a = Tensor<Double>.random(shape: [m * k], in: -1...1, using: &generator).scalars
        let b = Tensor<Double>.random(shape: [k * n], in: -1...1, using: &generator).scalars
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k { sum += a[i + p * m] * b[p * n + j] }
                #expect(abs(c[i * n + j] - sum) <= 1e-12)
            }
        }
    }
}
