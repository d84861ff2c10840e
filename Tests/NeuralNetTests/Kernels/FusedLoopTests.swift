import Testing

@testable import NeuralNet

/// The one-pass loops of a training step give the bits of the operations they replace.
@Suite struct FusedLoopTests {
    /// Values with every sign, zeros of both signs, infinities and NaN.
    private static let awkward: [Double] = [
        -2.5, -1e-300, -0.0, 0.0, 1e-300, 3.25, .infinity, -.infinity, .nan, 7, -7, 0.5,
    ]

    @Test func theSGDStepIsTheDifferenceOfTheRoundedProduct() {
        var generator = SeededGenerator(seed: 41)
        let parameter = Tensor<Float>.random(shape: [37], in: -3...3, using: &generator)
        let gradient = Tensor<Float>.random(shape: [37], in: -3...3, using: &generator)
        let fused = ElementwiseKernel.subtractScaled(parameter.scalars, gradient.scalars, 0.1)
        let twoPasses = (parameter - gradient * Float(0.1)).scalars
        #expect(fused.map(\.bitPattern) == twoPasses.map(\.bitPattern))
    }

    @Test func reluGradientIsTheProductWithTheStepFunction() {
        let x = Tensor<Double>(Self.awkward)
        let dy = Tensor<Double>(Self.awkward.reversed())
        let fused = ElementwiseKernel.multiplyByPositiveStep(dy.scalars, of: x.scalars)
        let twoPasses = (dy * x.mapped(.positiveStep)).scalars
        #expect(fused.map(\.bitPattern) == twoPasses.map(\.bitPattern))
        // A negative gradient where ReLU is flat gives -0, as the product does.
        #expect(fused[1].bitPattern == (-0.0).bitPattern)  // dy = -7 where x = -1e-300
    }

    @Test func aBiasRowIsAddedToEveryRowAndAColumnToEveryColumn() {
        let batch = Tensor<Double>([1, 2, 3, 4, 5, 6, 7, 8, 9], shape: [3, 3])
        // A row of three against three rows: the fast path, from either side.
        let row = Tensor<Double>([10, 20, 30])
        #expect((batch + row).scalars == [11, 22, 33, 14, 25, 36, 17, 28, 39])
        #expect((row - batch).scalars == [9, 18, 27, 6, 15, 24, 3, 12, 21])
        // A column holds as many scalars as a row here, but repeats along the other axis.
        let column = Tensor<Double>([10, 20, 30], shape: [3, 1])
        #expect((batch + column).scalars == [11, 12, 13, 24, 25, 26, 37, 38, 39])
        #expect((column - batch).scalars == [9, 8, 7, 16, 15, 14, 23, 22, 21])
        // A row against a batch of matrices.
        let stack = Tensor<Double>(Array(repeating: 1, count: 12), shape: [2, 2, 3])
        #expect((stack * row).scalars == Array([10.0, 20, 30, 10, 20, 30].repeated(2)))
    }
}

extension Array {
    /// The elements, `count` times over.
    fileprivate func repeated(_ count: Int) -> [Element] {
        (0..<count).flatMap { _ in self }
    }
}
