import Testing

@testable import NeuralNet

/// The clamp of `binaryCrossEntropy(probabilities:labels:)` at probabilities of exactly 0 and 1:
/// a clamped logarithm costs 100 and passes no gradient, the other term its usual `∓1/(n·p)`.
@Suite struct BinaryCrossEntropyClampTests {
    /// Probabilities 0, 1, 0, 1 against labels 0, 0, 1, 1: terms 0, 100, 100, 0 (mean 50), and
    /// gradients (by hand, n = 4) +1/4 (the unclamped `log(1 - p)` at p = 0), 0, 0 and -1/4.
    func expectClampedValueAndGradient<Scalar: TensorScalar>(_: Scalar.Type) {
        let probabilities = Tensor<Scalar>([0, 1, 0, 1])
        let labels = Tensor<Scalar>([0, 0, 1, 1])
        let (loss, slope) = valueWithGradient(at: probabilities) {
            binaryCrossEntropy(probabilities: $0, labels: labels)
        }
        #expect(loss.scalar == 50)
        #expect(slope.scalars == [0.25, 0, 0, -0.25])
    }

    @Test func atZeroAndOneInDouble() { expectClampedValueAndGradient(Double.self) }
    @Test func atZeroAndOneInFloat() { expectClampedValueAndGradient(Float.self) }

    /// In `Float`, `sigmoid(17)` is exactly 1: training through it must not produce NaN.
    @Test func throughASaturatedSigmoidInFloat() {
        let logits = Tensor<Float>([17, -110, 0.5])
        #expect(sigmoid(logits).scalars[0] == 1)
        let slope = gradient(at: logits) {
            binaryCrossEntropy(probabilities: sigmoid($0), labels: Tensor([0, 1, 1]))
        }
        #expect(slope.scalars.allSatisfy { $0.isFinite }, "\(slope.scalars)")
    }
}
