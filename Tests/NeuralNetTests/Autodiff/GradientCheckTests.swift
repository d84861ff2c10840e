import Testing

@testable import NeuralNet

@Suite struct GradientCheckTests {
    @Test func numericalGradientOfACubic() {
        // f(x) = Σ x³, f'(x) = 3x²; the central difference is off by exactly h² per element.
        let point = Tensor<Double>([-1, 0.5, 2])
        let estimate = numericalGradient(at: point) { x in pow(x, 3).sum() }
        expectClose(estimate.scalars, [3, 0.75, 12], tolerance: 1e-8)
    }

    @Test func numericalGradientKeepsTheShape() {
        let estimate = numericalGradient(at: Tensor<Double>.ones(shape: [2, 3])) { x in x.sum() }
        #expect(estimate.shape == [2, 3])
        expectClose(estimate.scalars, Array(repeating: 1, count: 6), tolerance: 1e-9)
    }

    @Test func aCorrectGradientPasses() {
        let check = gradientCheck(at: Tensor<Double>([-2, -1, 0, 1, 2])) { x in
            sigmoid(x).sum()
        }
        #expect(check.passes())
        #expect(check.maximumAbsoluteError < 1e-9)
        #expect(check.maximumRelativeError < 1e-8)
        #expect(check.automatic.shape == [5])
        #expect(check.numerical.shape == [5])
    }

    @Test func aWrongGradientFails() {
        let wrong = GradientCheckResult(
            automatic: Tensor([1, 2, 3]), numerical: Tensor([1, 2, 3.01]))
        #expect(!wrong.passes())
        #expect(wrong.passes(tolerance: 0.01))
        expectClose([wrong.maximumAbsoluteError], [0.01], tolerance: 1e-12)
        expectClose([wrong.maximumRelativeError], [0.01 / 3.01], tolerance: 1e-12)
    }

    @Test func largeGradientsAreJudgedRelatively() {
        let check = GradientCheckResult(
            automatic: Tensor([1e6]), numerical: Tensor([1e6 + 0.5]))
        #expect(check.passes())  // 5e-7 relative
        #expect(!check.passes(tolerance: 1e-7))
    }

    @Test func nanFails() {
        let check = GradientCheckResult(automatic: Tensor([.nan, 1]), numerical: Tensor([0, 1]))
        #expect(!check.passes())
        #expect(check.maximumAbsoluteError.isNaN)
        #expect(check.maximumRelativeError.isNaN)
    }

    @Test func bothZeroIsNoRelativeError() {
        let check = GradientCheckResult(automatic: Tensor([0, 2]), numerical: Tensor([0, 2]))
        #expect(check.maximumRelativeError == 0)
        #expect(check.maximumAbsoluteError == 0)
    }

    /// At a kink the two honestly disagree: ReLU's derivative at 0 is defined as 0, while the
    /// central difference sees half of each side's slope.
    @Test func reluAtZeroFailsTheCheckAsDocumented() {
        let check = gradientCheck(at: Tensor<Double>([0])) { x in relu(x).sum() }
        #expect(check.automatic.scalars == [0])
        expectClose(check.numerical.scalars, [0.5], tolerance: 1e-9)
        #expect(!check.passes())
    }
}
