import Testing

@testable import NeuralNet

@Suite struct TensorTests {
    @Test func vectorFromArray() {
        let x = Tensor<Double>([1, 2, 3])
        #expect(x.shape == [3])
        #expect(x.rank == 1)
        #expect(x.scalarCount == 3)
        #expect(x.scalars == [1, 2, 3])
        #expect(!x.requiresGradient)
    }

    @Test func matrixFromArrayAndShapeIsRowMajor() {
        let x = Tensor<Float>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(x.shape == [2, 3])
        #expect(x.rank == 2)
        #expect(x.scalarCount == 6)
        // Row-major: the second row starts at the fourth scalar.
        #expect(Array(x.scalars[3...]) == [4, 5, 6])
    }

    @Test func scalarTensorHasEmptyShape() {
        let x = Tensor<Double>(scalar: 2.5)
        #expect(x.shape == [])
        #expect(x.rank == 0)
        #expect(x.scalar == 2.5)
        #expect(Tensor<Double>([7]).scalar == 7)
    }

    @Test func filledTensors() {
        #expect(Tensor<Double>.zeros(shape: [2, 2]).scalars == [0, 0, 0, 0])
        #expect(Tensor<Double>.ones(shape: [3]).scalars == [1, 1, 1])
        let filled = Tensor<Float>(repeating: 0.5, shape: [2, 1, 2])
        #expect(filled.shape == [2, 1, 2])
        #expect(filled.scalars == [0.5, 0.5, 0.5, 0.5])
        #expect(Tensor<Double>.zeros(shape: [0, 3]).scalarCount == 0)
    }

    @Test func requiresGradientMakesALeaf() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        #expect(x.requiresGradient)
        #expect(x.gradient == nil)
        #expect(x.node?.operation == "leaf")
        #expect(Tensor<Double>.zeros(shape: [2], requiresGradient: true).requiresGradient)
    }

    @Test func wrongScalarCountStopsWithTheShape() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>([1, 2, 3], shape: [2, 2])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("Tensor(_:shape:): shape [2, 2] holds 4 scalars, but 3"))
    }

    @Test func negativeDimensionStops() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.zeros(shape: [2, -1])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("shape [2, -1] has a negative dimension"))
    }

    @Test func scalarOfAVectorStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor<Double>([1, 2]).scalar
        }
    }
}
