import Testing

@testable import NeuralNet

/// How a product is split between threads, and that every split gives the same bytes.
@Suite struct MatrixMultiplyPlanTests {
    /// Bit patterns of a product computed on `threads` threads.
    private func bits(
        _ a: Tensor<Double>, _ b: Tensor<Double>, threads: Int
    ) -> [UInt64] {
        matmul(a, b, settings: ComputeSettings(threadCount: threads)).scalars.map(\.bitPattern)
    }

    @Test func aLargeProductSplitsByRowsAndGivesTheSameBytes() {
        var generator = SeededGenerator(seed: 21)
        // 300 × 200 × 150 = 9.0 M multiply-adds: enough for two threads.
        let a = Tensor<Double>.random(shape: [300, 200], in: -1...1, using: &generator)
        let b = Tensor<Double>.random(shape: [200, 150], in: -1...1, using: &generator)
        let plan = MatrixMultiply.plan(batch: 1, m: 300, n: 150, k: 200, threadCount: 2)
        #expect(plan == .rows(workers: 2))
        #expect(bits(a, b, threads: 1) == bits(a, b, threads: 2))
        #expect(bits(a, b, threads: 1) == bits(a, b, threads: 3))
    }

    @Test func aLargeBatchSplitsByWholeMatricesAndGivesTheSameBytes() {
        var generator = SeededGenerator(seed: 22)
        // 3 × 150 × 100 × 100 = 4.5 M multiply-adds, an odd batch for two threads.
        let batch = Tensor<Double>.random(shape: [3, 150, 100], in: -1...1, using: &generator)
        let shared = Tensor<Double>.random(shape: [100, 100], in: -1...1, using: &generator)
        let plan = MatrixMultiply.plan(batch: 3, m: 150, n: 100, k: 100, threadCount: 2)
        #expect(plan == .wholeMatrices(workers: 2))
        #expect(bits(batch, shared, threads: 1) == bits(batch, shared, threads: 2))
    }

    @Test func smallProductsStayOnOneThread() {
        // The training workloads' products: a batch of 32 through 64-128-10, an LSTM's step.
        #expect(MatrixMultiply.plan(batch: 1, m: 32, n: 128, k: 64, threadCount: 2) == .serial)
        #expect(MatrixMultiply.plan(batch: 1, m: 32, n: 128, k: 32, threadCount: 8) == .serial)
        #expect(MatrixMultiply.plan(batch: 1, m: 0, n: 128, k: 128, threadCount: 2) == .serial)
        // Large, but few rows: an LSTM's backpropagation through 50 steps of a batch of 32.
        #expect(MatrixMultiply.plan(batch: 1, m: 32, n: 128, k: 1600, threadCount: 2) == .serial)
    }

    @Test func aProductOf128CubedGetsTwoThreads() {
        // 2²¹ multiply-adds: about 20 µs each on two threads, which the worker pool wakes in
        // well under that (Dispatch's wake-up made two threads slower than one here).
        #expect(
            MatrixMultiply.plan(batch: 1, m: 128, n: 128, k: 128, threadCount: 2)
                == .rows(workers: 2))
        #expect(MatrixMultiply.plan(batch: 1, m: 64, n: 128, k: 64, threadCount: 2) == .serial)
    }

    @Test func threadsGrowWithTheProduct() {
        // Never more workers than the settings allow, nor than the product can feed.
        #expect(
            MatrixMultiply.plan(batch: 1, m: 1024, n: 1024, k: 1024, threadCount: 2)
                == .rows(workers: 2))
        #expect(
            MatrixMultiply.plan(batch: 1, m: 1024, n: 1024, k: 1024, threadCount: 1) == .serial)
        // 16.8 M multiply-adds would feed 8 workers, but 256 rows only 6.
        let many = MatrixMultiply.plan(batch: 1, m: 256, n: 256, k: 256, threadCount: 64)
        #expect(many == .rows(workers: 6))
        let wide = MatrixMultiply.plan(batch: 1, m: 1024, n: 1024, k: 1024, threadCount: 64)
        #expect(wide == .rows(workers: 25))
    }
}

/// What each element of a product is, exactly: the contract that makes the bytes the same for
/// every thread count, tile width and build.
@Suite struct MatrixMultiplyArithmeticTests {
    /// Each element, as the kernel promises to compute it: per block of
    /// `MatrixMultiplyKernel.depthBlock` along `k`, one chain of fused multiply-adds from
    /// zero, the blocks' sums then added to the element in order.
    private func reference<Scalar: BinaryFloatingPoint>(
        _ a: [Scalar], _ b: [Scalar], m: Int, n: Int, k: Int
    ) -> [Scalar] {
        var c = [Scalar](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var element: Scalar = 0
                for start in stride(from: 0, to: k, by: MatrixMultiplyKernel.depthBlock) {
                    var partial: Scalar = 0
                    for p in start..<min(k, start + MatrixMultiplyKernel.depthBlock) {
                        partial = partial.addingProduct(a[i * k + p], b[p * n + j])
                    }
                    element = start == 0 ? partial : element + partial
                }
                c[i * n + j] = element
            }
        }
        return c
    }

    @Test(arguments: [1, 2])
    func everyElementIsOneChainOfFusedMultiplyAddsPerDepthBlock(threads: Int) {
        // Three depth blocks, edge tiles on both sides; large enough for the packed path and
        // two workers, and a small product for the in-place path.
        var generator = SeededGenerator(seed: 41)
        for (m, n, k) in [(37, 45, 600), (9, 20, 30)] {
            let a = Tensor<Float>.random(shape: [m, k], in: -1...1, using: &generator)
            let b = Tensor<Float>.random(shape: [k, n], in: -1...1, using: &generator)
            let product = matmul(a, b, settings: ComputeSettings(threadCount: threads)).scalars
            let expected = reference(a.scalars, b.scalars, m: m, n: n, k: k)
            let differing = zip(product, expected).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(differing == 0, "\(differing) of \(m * n) Float elements differ")
            let doubles = (
                Tensor<Double>.random(shape: [m, k], in: -1...1, using: &generator),
                Tensor<Double>.random(shape: [k, n], in: -1...1, using: &generator)
            )
            let productD = matmul(doubles.0, doubles.1, settings: .init(threadCount: threads))
            let expectedD = reference(doubles.0.scalars, doubles.1.scalars, m: m, n: n, k: k)
            let differingD = zip(productD.scalars, expectedD).filter {
                $0.bitPattern != $1.bitPattern
            }.count
            #expect(differingD == 0, "\(differingD) of \(m * n) Double elements differ")
        }
    }
}
