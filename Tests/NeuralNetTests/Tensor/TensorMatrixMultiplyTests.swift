import Testing

@testable import NeuralNet

/// The textbook triple loop, the independent computation the kernel is checked against.
private func naiveProduct(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            for p in 0..<k { c[i * n + j] += a[i * k + p] * b[p * n + j] }
        }
    }
    return c
}

@Suite struct TensorMatrixMultiplyTests {
    @Test(arguments: [(1, 1, 1), (7, 13, 5), (129, 65, 33), (6, 256, 16), (13, 300, 17)])
    func doubleMatchesTheTripleLoop(sizes: (Int, Int, Int)) {
        let (m, k, n) = sizes
        var generator = SeededGenerator(seed: 7)
        let a = Tensor<Double>.random(shape: [m, k], in: -1...1, using: &generator)
        let b = Tensor<Double>.random(shape: [k, n], in: -1...1, using: &generator)
        let product = matmul(a, b)
        #expect(product.shape == [m, n])
        expectClose(
            product.scalars, naiveProduct(a.scalars, b.scalars, m: m, k: k, n: n), tolerance: 1e-12)
    }

    @Test(arguments: [(1, 1, 1), (7, 13, 5), (129, 65, 33)])
    func floatMatchesTheTripleLoop(sizes: (Int, Int, Int)) {
        let (m, k, n) = sizes
        var generator = SeededGenerator(seed: 8)
        let a = Tensor<Float>.random(shape: [m, k], in: -1...1, using: &generator)
        let b = Tensor<Float>.random(shape: [k, n], in: -1...1, using: &generator)
        let expected = naiveProduct(
            a.scalars.map(Double.init), b.scalars.map(Double.init), m: m, k: k, n: n)
        expectClose(matmul(a, b).scalars.map(Double.init), expected, tolerance: 1e-4)
    }

    @Test func batchedAndSharedOperands() {
        var generator = SeededGenerator(seed: 9)
        let a = Tensor<Double>.random(shape: [3, 4, 5], in: -1...1, using: &generator)
        let b = Tensor<Double>.random(shape: [3, 5, 2], in: -1...1, using: &generator)
        let shared = Tensor<Double>.random(shape: [5, 2], in: -1...1, using: &generator)
        let batched = matmul(a, b)
        let withShared = matmul(a, shared)
        #expect(batched.shape == [3, 4, 2])
        for index in 0..<3 {
            #expect(batched[index] == matmul(a[index], b[index]))
            #expect(withShared[index] == matmul(a[index], shared))
        }
    }

    @Test func gradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 10)
        let a = Tensor<Double>.random(shape: [7, 13], in: -1...1, using: &generator)
        let b = Tensor<Double>.random(shape: [13, 5], in: -1...1, using: &generator)
        let batch = Tensor<Double>.random(shape: [2, 3, 7], in: -1...1, using: &generator)
        let batchB = Tensor<Double>.random(shape: [2, 7, 4], in: -1...1, using: &generator)
        #expect(gradientCheck(at: a) { pow(matmul($0, b), 2).sum() }.passes())
        #expect(gradientCheck(at: b) { pow(matmul(a, $0), 2).sum() }.passes())
        #expect(gradientCheck(at: batch) { pow(matmul($0, a), 2).sum() }.passes())
        #expect(gradientCheck(at: a) { pow(matmul(batch, $0), 2).sum() }.passes())
        #expect(gradientCheck(at: batch) { pow(matmul($0, batchB), 2).sum() }.passes())
        #expect(gradientCheck(at: batchB) { pow(matmul(batch, $0), 2).sum() }.passes())
    }

    @Test func oneAndTwoThreadsGiveIdenticalBytes() {
        var generator = SeededGenerator(seed: 11)
        let a = Tensor<Float>.random(shape: [200, 300], in: -1...1, using: &generator)
        let b = Tensor<Float>.random(shape: [300, 150], in: -1...1, using: &generator)
        let one = matmul(a, b, settings: ComputeSettings(threadCount: 1))
        let two = matmul(a, b, settings: ComputeSettings(threadCount: 2))
        let three = matmul(a, b, settings: ComputeSettings(threadCount: 3))
        #expect(one.scalars.map(\.bitPattern) == two.scalars.map(\.bitPattern))
        #expect(one.scalars.map(\.bitPattern) == three.scalars.map(\.bitPattern))
        // Products too small to split (3.0 M and 2.24 M multiply-adds) run on one thread
        // whatever the settings; MatrixMultiplyPlanTests checks the splits themselves.
        let c = Tensor<Double>.random(shape: [150, 200], in: -1...1, using: &generator)
        let d = Tensor<Double>.random(shape: [200, 100], in: -1...1, using: &generator)
        let batch = Tensor<Double>.random(shape: [4, 100, 80], in: -1...1, using: &generator)
        let shared = Tensor<Double>.random(shape: [80, 70], in: -1...1, using: &generator)
        for (left, right) in [(c, d), (batch, shared)] {
            let single = matmul(left, right, settings: .init(threadCount: 1))
            let double = matmul(left, right, settings: .init(threadCount: 2))
            #expect(single.scalars.map(\.bitPattern) == double.scalars.map(\.bitPattern))
        }
    }

    @Test func threadCountFromTheEnvironment() {
        #expect(ComputeSettings.threadCount(fromEnvironmentValue: "3") == 3)
        #expect(ComputeSettings.threadCount(fromEnvironmentValue: "0") >= 1)
        #expect(ComputeSettings.threadCount(fromEnvironmentValue: "many") >= 1)
    }

    @Test func shapesThatDoNotChainStop() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = matmul(Tensor<Double>.zeros(shape: [2, 3]), Tensor<Double>.zeros(shape: [4, 5]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("matmul: shapes [2, 3] and [4, 5] do not chain"))
    }
}

/// Zero-size operands, as in NumPy: an empty product, or zeros when the shared dimension is 0.
@Suite struct TensorMatrixMultiplyZeroSizeTests {
    @Test(arguments: [[0, 3, 4], [2, 3, 0], [0, 0, 0], [2, 0, 3]])
    func aZeroSizeProductHasTheRightShapeAndZeros(sizes: [Int]) {
        let (m, k, n) = (sizes[0], sizes[1], sizes[2])
        let product = matmul(
            Tensor<Float>.ones(shape: [m, k]), Tensor<Float>.ones(shape: [k, n]),
            settings: ComputeSettings(threadCount: 2))
        #expect(product.shape == [m, n])
        #expect(product.scalars == [Float](repeating: 0, count: m * n))
    }

    @Test func aZeroSizeBatchAndItsGradients() {
        let batch = Tensor<Double>.ones(shape: [0, 2, 3])
        let shared = Tensor<Double>.ones(shape: [3, 4])
        #expect(matmul(batch, shared).shape == [0, 2, 4])
        let (dBatch, dShared) = gradient(at: batch, shared) { matmul($0, $1).sum() }
        #expect(dBatch.shape == [0, 2, 3])
        #expect(dShared.shape == [3, 4])
        #expect(dShared.scalars == [Double](repeating: 0, count: 12))
    }

    @Test func gradientsThroughAnEmptySharedDimension() {
        let a = Tensor<Double>.ones(shape: [2, 0])
        let b = Tensor<Double>.ones(shape: [0, 3])
        let (dA, dB) = gradient(at: a, b) { matmul($0, $1).sum() }
        #expect(dA.shape == [2, 0])
        #expect(dB.shape == [0, 3])
        let batched = Tensor<Double>.ones(shape: [2, 0, 3])
        let (dBatched, _) = gradient(at: Tensor<Double>.ones(shape: [2, 4, 0]), batched) {
            matmul($0, $1).sum()
        }
        #expect(dBatched.shape == [2, 4, 0])
    }
}
