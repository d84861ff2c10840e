import Testing

@testable import NeuralNet

@Suite struct GradientTests {
    @Test func gradientOfASumOfSquaresIsTwiceThePoint() {
        let slope = gradient(at: Tensor<Double>([1, -2, 3])) { x in (x * x).sum() }
        #expect(slope.shape == [3])
        #expect(slope.scalars == [2, -4, 6])
        #expect(!slope.requiresGradient)
    }

    @Test func valueWithGradientGivesBoth() {
        let (value, slope) = valueWithGradient(at: Tensor<Double>([0, 1])) { x in
            sigmoid(x).sum()
        }
        let s1 = 1 / (1 + Double.exp(-1))
        expectClose([value.scalar], [0.5 + s1])
        expectClose(slope.scalars, [0.25, s1 * (1 - s1)])
        #expect(!value.requiresGradient)
    }

    @Test func thePointIsLeftAlone() {
        let point = Tensor<Double>([1, 2], requiresGradient: true)
        _ = gradient(at: point) { x in (x * x).sum() }
        #expect(point.gradient == nil)
        let constant = Tensor<Double>([1, 2])
        _ = gradient(at: constant) { x in x.sum() }
        #expect(!constant.requiresGradient)
    }

    @Test func aFunctionThatIgnoresItsInputHasZeroGradient() {
        let slope = gradient(at: Tensor<Double>([1, 2], shape: [2, 1])) { _ in
            Tensor(scalar: 3)
        }
        #expect(slope.shape == [2, 1])
        #expect(slope.scalars == [0, 0])
    }

    @Test func twoArgumentGradient() {
        // L(w, b) = Σ (w·x + b - y)², with x = [1, 2], y = [3, 5].
        let inputs = Tensor<Double>([1, 2])
        let targets = Tensor<Double>([3, 5])
        let (dWeight, dBias) = gradient(at: Tensor([1, 1]), Tensor([0.5, 0.5])) { w, b in
            pow(w * inputs + b - targets, 2).sum()
        }
        // Residuals r = w·x + b - y = [-1.5, -2.5]; dL/dw = 2·r·x, dL/db = 2·r.
        #expect(dWeight.scalars == [-3, -10])
        #expect(dBias.scalars == [-3, -5])
    }

    @Test func nonScalarFunctionStops() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = gradient(at: Tensor<Double>([1, 2])) { x in x * x }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("must return a tensor holding one scalar"))
        #expect(message.contains("shape [2]"))
    }
}
