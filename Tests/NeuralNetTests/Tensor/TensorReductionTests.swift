import Testing

@testable import NeuralNet

@Suite struct TensorReductionTests {
    let x = Tensor<Double>([1, 5, -2, 7, 0, 3], shape: [2, 3])

    @Test func sumOfAllElements() {
        #expect(x.sum().scalar == 14)
        #expect(x.sum().shape == [])
        #expect(Tensor<Double>([]).sum().scalar == 0)
    }

    @Test func meanOfAllElements() {
        #expect(Tensor<Double>([1, 2, 3, 6]).mean().scalar == 3)
        #expect(Tensor<Double>([]).mean().scalar.isNaN)
    }

    @Test func sumAndMeanAlongAxes() {
        #expect(x.sum(alongAxes: 0) == Tensor([8, 5, 1]))
        #expect(x.sum(alongAxes: 1) == Tensor([4, 10]))
        #expect(x.sum(alongAxes: -1, keepingDimensions: true) == Tensor([4, 10], shape: [2, 1]))
        #expect(x.sum(alongAxes: 0, 1) == Tensor(scalar: 14))
        #expect(x.mean(alongAxes: 0) == Tensor([4, 2.5, 0.5]))
    }

    @Test func maxAndArgmax() {
        #expect(x.max(alongAxes: 1) == Tensor([5, 7]))
        #expect(x.max(alongAxes: 0, keepingDimensions: true) == Tensor([7, 5, 3], shape: [1, 3]))
        #expect(x.max().scalar == 7)
        #expect(x.argmax(alongAxis: 1) == [1, 0])
        #expect(x.argmax(alongAxis: 0) == [1, 0, 1])
        #expect(Tensor<Double>([2, 9, 9]).argmax(alongAxis: 0) == [1])
    }

    @Test func gradients() {
        let y = Tensor<Double>((0..<24).map { Double(($0 * 7) % 11) - 5.5 }, shape: [2, 3, 4])
        #expect(gradientCheck(at: y) { pow($0.sum(alongAxes: 1), 2).sum() }.passes())
        #expect(
            gradientCheck(at: y) { pow($0.mean(alongAxes: 0, 2, keepingDimensions: true), 2).sum() }
                .passes())
        #expect(gradientCheck(at: y) { pow($0.max(alongAxes: 2), 2).sum() }.passes())
        // The maximum of each row alone receives the gradient.
        #expect(gradient(at: x) { $0.max(alongAxes: 1).sum() }.scalars == [0, 1, 0, 1, 0, 0])
    }
}
