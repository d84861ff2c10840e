import Testing

@testable import NeuralNet

@Suite struct TensorMathTests {
    @Test func expOfKnownValues() {
        let y = exp(Tensor<Double>([0, 1, -1, 2]))
        expectClose(
            y.scalars, [1, 2.718281828459045, 0.36787944117144233, 7.38905609893065],
            tolerance: 1e-15)
    }

    @Test func logOfKnownValues() {
        let y = log(Tensor<Double>([1, 2.718281828459045, 0.5, 100]))
        expectClose(y.scalars, [0, 1, -0.6931471805599453, 4.605170185988092], tolerance: 1e-15)
        let edges = log(Tensor<Double>([0, -1]))
        #expect(edges.scalars[0] == -.infinity)
        #expect(edges.scalars[1].isNaN)
    }

    @Test func logUndoesExp() {
        let x = Tensor<Double>([-3, 0.25, 4])
        expectClose(log(exp(x)).scalars, x.scalars, tolerance: 1e-15)
    }

    @Test func sqrtOfKnownValues() {
        #expect(sqrt(Tensor<Double>([0, 1, 4, 2.25])).scalars == [0, 1, 2, 1.5])
        expectClose(sqrt(Tensor<Double>([2])).scalars, [1.4142135623730951], tolerance: 0)
    }

    @Test func powToConstantExponents() {
        let x = Tensor<Double>([-2, 0.5, 3])
        #expect(pow(x, 2).scalars == [4, 0.25, 9])
        #expect(pow(x, 3).scalars == [-8, 0.125, 27])
        #expect(pow(x, -1).scalars == [-0.5, 2, 1.0 / 3.0])
        #expect(pow(Tensor<Double>([4, 9]), 0.5).scalars == [2, 3])
    }

    @Test func floatMath() {
        let x = Tensor<Float>([1, 4])
        expectClose(exp(x).scalars, [2.7182817, 54.59815])
        expectClose(log(x).scalars, [0, 1.3862944])
        #expect(sqrt(x).scalars == [1, 2])
        #expect(pow(x, 2).scalars == [1, 16])
    }

    @Test func shapesArePreserved() {
        let x = Tensor<Double>.ones(shape: [2, 1, 3])
        #expect(exp(x).shape == [2, 1, 3])
        #expect(pow(x, 2).shape == [2, 1, 3])
    }
}
