import Foundation
import Testing

@testable import NeuralNet

@Suite struct ActivationsTests {
    // MARK: - sigmoid

    @Test func sigmoidMatchesTheFormula() {
        let points: [Double] = [-5, -1, -0.1, 0, 0.3, 2, 8]
        let y = sigmoid(Tensor(points))
        expectClose(y.scalars, points.map { 1 / (1 + Double.exp(-$0)) }, tolerance: 1e-15)
        #expect(sigmoid(Tensor<Double>([0])).scalars == [0.5])
    }

    /// One number, as a reader types it in a cell: `sigmoid(3)`, the tensor version's value.
    @Test func sigmoidOfOneNumberIsTheTensorsValue() {
        let three: Double = sigmoid(3)
        #expect(three == sigmoid(Tensor<Double>([3])).scalars[0])
        #expect(abs(three - 1 / (1 + Double.exp(-3))) < 1e-15)
        #expect(sigmoid(-1000) == 0 && sigmoid(1000) == 1 && sigmoid(0) == 0.5)
        // Named as a tensor function, as chapters 3 and 6 do, it is still the tensor one.
        let named: [(String, (Tensor<Double>) -> Tensor<Double>)] = [("sigmoid", sigmoid)]
        #expect(named[0].1(Tensor<Double>([3])).scalars == [three])
    }

    @Test func sigmoidIsStableForLargeMagnitudes() {
        let y = sigmoid(Tensor<Double>([-1000, -745, 745, 1000]))
        #expect(y.scalars.allSatisfy { !$0.isNaN })
        #expect(y.scalars[0] == 0)
        #expect(y.scalars[3] == 1)
        let single = sigmoid(Tensor<Float>([-1000, 1000]))
        #expect(single.scalars == [0, 1])
        // The naive 1 / (1 + e^-x) would give e^1000 = inf, and the gradient inf/inf = NaN.
        let slope = gradient(at: Tensor<Double>([-1000, 1000])) { sigmoid($0).sum() }
        #expect(slope.scalars == [0, 0])
    }

    @Test func sigmoidIsSymmetric() {
        let x = Tensor<Double>([0.5, 3, 12])
        expectClose(sigmoid(-x).scalars, (1 - sigmoid(x)).scalars, tolerance: 1e-15)
    }

    /// σ' = σ(1 - σ), read off the library's own σ.
    @Test func sigmoidDerivativeIsSigmaTimesOneMinusSigma() {
        let x = Tensor<Double>([-3, -0.5, 0, 0.5, 3])
        let s = sigmoid(x)
        let slope = gradient(at: x) { sigmoid($0).sum() }
        expectClose(slope.scalars, (s * (1 - s)).scalars, tolerance: 1e-15)
        #expect(slope.scalars[2] == 0.25)
    }

    // MARK: - tanh

    @Test func tanhMatchesTheFormula() {
        let points: [Double] = [-3, -0.5, 0, 0.25, 2]
        let y = tanh(Tensor(points))
        let formula = points.map { x in
            (Double.exp(x) - Double.exp(-x)) / (Double.exp(x) + Double.exp(-x))
        }
        expectClose(y.scalars, formula, tolerance: 1e-15)
        let viaSigmoid = (2 * sigmoid(2 * Tensor(points)) - 1).scalars
        expectClose(y.scalars, viaSigmoid, tolerance: 1e-15)
    }

    /// tanh' = 1 - tanh².
    @Test func tanhDerivativeIsOneMinusTanhSquared() {
        let x = Tensor<Double>([-2, -0.5, 0, 1, 4])
        let t = tanh(x)
        let slope = gradient(at: x) { tanh($0).sum() }
        expectClose(slope.scalars, (1 - t * t).scalars, tolerance: 1e-15)
        #expect(slope.scalars[2] == 1)
    }

    @Test func tanhSaturatesWithoutNaN() {
        let y = tanh(Tensor<Double>([-1000, 1000]))
        #expect(y.scalars == [-1, 1])
        #expect(gradient(at: Tensor<Double>([-1000, 1000])) { tanh($0).sum() }.scalars == [0, 0])
    }

    // MARK: - relu

    @Test func reluClampsNegativesToZero() {
        let y = relu(Tensor<Double>([-2, -0.0, 0, 0.5, 3]))
        #expect(y.scalars == [0, 0, 0, 0.5, 3])
        #expect(y.description == "[0.0000, 0.0000, 0.0000, 0.5000, 3.0000]")
    }

    @Test func reluKeepsNaN() {
        #expect(relu(Tensor<Double>([.nan])).scalars[0].isNaN)
    }

    /// The documented convention: the derivative at exactly 0 is 0, as in PyTorch and TensorFlow.
    @Test func reluDerivativeAtZeroIsZero() {
        let slope = gradient(at: Tensor<Double>([-1, -0.0, 0, 1e-300, 2])) { relu($0).sum() }
        #expect(slope.scalars == [0, 0, 0, 1, 1])
        #expect(gradient(at: Tensor<Double>([0])) { relu($0).sum() }.description == "[0.0000]")
    }

    @Test func activationsWorkOnFloat() {
        let x = Tensor<Float>([-1, 0, 1])
        expectClose(sigmoid(x).scalars, [0.26894142, 0.5, 0.73105858])
        expectClose(tanh(x).scalars, [-0.76159416, 0, 0.76159416])
        #expect(relu(x).scalars == [0, 0, 1])
    }
}

extension ActivationsTests {
    @Test func leakyReluAndElu() {
        let x = Tensor<Double>([-2, -0.5, 0, 1.5])
        expectClose(leakyRelu(x).scalars, [-0.02, -0.005, 0, 1.5])
        expectClose(leakyRelu(x, negativeSlope: 0.2).scalars, [-0.4, -0.1, 0, 1.5])
        expectClose(elu(x).scalars, [Foundation.exp(-2) - 1, Foundation.exp(-0.5) - 1, 0, 1.5])
        let away = Tensor<Double>([-2, -0.5, 0.7, 1.5])
        #expect(gradientCheck(at: away) { leakyRelu($0, negativeSlope: 0.1).sum() }.passes())
        #expect(gradientCheck(at: away) { (elu($0, alpha: 1.5) * $0).sum() }.passes())
    }
}
