import Testing

@testable import NeuralNet

@Suite struct TensorArithmeticTests {
    let a = Tensor<Double>([1, -2, 3, 0.5], shape: [2, 2])
    let b = Tensor<Double>([4, 5, -6, 2], shape: [2, 2])

    @Test func tensorTensorOperatorsWorkElementwise() {
        #expect((a + b).scalars == [5, 3, -3, 2.5])
        #expect((a - b).scalars == [-3, -7, 9, -1.5])
        #expect((a * b).scalars == [4, -10, -18, 1])
        #expect((a / b).scalars == [0.25, -0.4, -0.5, 0.25])
        #expect((-a).scalars == [-1, 2, -3, -0.5])
        #expect((a + b).shape == [2, 2])
    }

    @Test func scalarOnEitherSide() {
        let x = Tensor<Double>([1, 2, 4])
        #expect((x + 1).scalars == [2, 3, 5])
        #expect((1 + x).scalars == [2, 3, 5])
        #expect((x - 1).scalars == [0, 1, 3])
        #expect((1 - x).scalars == [0, -1, -3])
        #expect((x * 3).scalars == [3, 6, 12])
        #expect((3 * x).scalars == [3, 6, 12])
        #expect((x / 2).scalars == [0.5, 1, 2])
        #expect((2 / x).scalars == [2, 1, 0.5])
    }

    @Test func scalarOperandsAreDifferentiable() {
        // d/dx Σ (2 - x/4)·3 = -3/4 for every element.
        let slope = gradient(at: Tensor<Double>([1, 2])) { x in ((2 - x / 4) * 3).sum() }
        #expect(slope.scalars == [-0.75, -0.75])
        let reciprocal = gradient(at: Tensor<Double>([2, 4])) { x in (1 / x).sum() }
        #expect(reciprocal.scalars == [-0.25, -0.0625])
    }

    @Test func compoundAssignment() {
        var x = Tensor<Double>([1, 2])
        x += Tensor([10, 20])
        x -= 1
        x *= Tensor([2, 3])
        x /= 2
        #expect(x.scalars == [10, 31.5])
        var y = Tensor<Double>([6])
        y += 1
        y -= Tensor([2])
        y *= 4
        y /= Tensor([5])
        #expect(y.scalars == [4])
    }

    @Test func compoundAssignmentOnATrackedTensorIsRecorded() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        var total = x * x
        total += x
        total.sum().backward()
        #expect(x.gradient!.scalars == [3, 5])
    }

    @Test func floatArithmetic() {
        let x = Tensor<Float>([1.5, -2])
        #expect((x * x - 1).scalars == [1.25, 3])
    }

    @Test func shapeMismatchNamesTheOperationAndBothShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.ones(shape: [2, 3]) + Tensor<Double>.ones(shape: [2])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("add: shapes [2, 3] and [2] cannot be broadcast together"))
    }

    @Test func shapeMismatchInDivision() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Float>([1, 2]) / Tensor<Float>([1, 2, 3])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("divide: shapes [2] and [3] cannot be broadcast together"))
    }
}
