import Testing

@testable import NeuralNet

@Suite struct TensorReductionTests {
    @Test func sumIsAScalarTensor() {
        let total = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3]).sum()
        #expect(total.shape == [])
        #expect(total.scalar == 21)
        #expect(total.description == "21.0000")
    }

    @Test func meanDividesByTheCount() {
        let average = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [3, 2]).mean()
        #expect(average.shape == [])
        #expect(average.scalar == 3.5)
    }

    @Test func gradientOfMeanIsOneOverN() {
        let slope = gradient(at: Tensor<Double>([7, -1, 2, 0])) { $0.mean() }
        #expect(slope.scalars == [0.25, 0.25, 0.25, 0.25])
    }

    @Test func emptyTensors() {
        #expect(Tensor<Double>([]).sum().scalar == 0)
        #expect(Tensor<Double>([]).mean().scalar.isNaN)
    }

    /// Mean squared error, the loss of the regression chapters, by hand: errors 1, -2, 3.
    @Test func meanSquaredError() {
        let predictions = Tensor<Double>([2, 0, 6])
        let targets = Tensor<Double>([1, 2, 3])
        #expect(pow(predictions - targets, 2).mean().scalar == 14.0 / 3.0)
    }
}
