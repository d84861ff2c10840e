import Testing

@testable import NeuralNet

@Suite struct OptimizersTests {
    let gradients = [Tensor<Double>([0.5, -1]), Tensor<Double>(scalar: 2)]
    var parameters: [Tensor<Double>] {
        [Tensor([1, 2], requiresGradient: true), Tensor(scalar: -1, requiresGradient: true)]
    }

    @Test func sgdStepsAgainstTheGradient() {
        var optimizer = SGD<Double>(learningRate: 0.1)
        var values = parameters
        optimizer.update(&values, gradients: gradients)
        expectClose(values[0].scalars, [0.95, 2.1])
        expectClose(values[1].scalars, [-1.2])
        #expect(values.allSatisfy { $0.requiresGradient })
    }

    @Test func momentumAccumulatesVelocity() {
        var optimizer = MomentumSGD<Double>(learningRate: 0.1, momentum: 0.9)
        var values = parameters
        optimizer.update(&values, gradients: gradients)
        // v = g = [0.5, -1]; θ = [1, 2] - 0.1·v.
        expectClose(values[0].scalars, [0.95, 2.1])
        optimizer.update(&values, gradients: gradients)
        // v = 0.9·[0.5, -1] + [0.5, -1] = [0.95, -1.9]; θ = [0.95, 2.1] - 0.1·v.
        expectClose(values[0].scalars, [0.855, 2.29])
        // Scalar parameter: v = 2, then 3.8; θ = -1 - 0.2 - 0.38.
        expectClose(values[1].scalars, [-1.58])
    }

    @Test func adamByHand() {
        var optimizer = Adam<Double>(learningRate: 0.1)
        var values = parameters
        optimizer.update(&values, gradients: gradients)
        // Step 1: m̂ = g and v̂ = g², so each step is η·g / (|g| + ε) ≈ η·sign(g).
        expectClose(values[0].scalars, [1 - 0.1 * 0.5 / (0.5 + 1e-8), 2 + 0.1 * 1 / (1 + 1e-8)])
        optimizer.update(&values, gradients: [Tensor([1, -1]), Tensor(scalar: 2)])
        // Step 2 for the first element: m = 0.1·0.9·0.5... written out in full.
        let m = 0.9 * (0.1 * 0.5) + 0.1 * 1
        let v = 0.999 * (0.001 * 0.25) + 0.001 * 1
        let mHat = m / (1 - 0.81)
        let vHat = v / (1 - 0.999 * 0.999)
        let first = 1 - 0.1 * 0.5 / (0.5 + 1e-8)
        expectClose([values[0].scalars[0]], [first - 0.1 * mHat / (vHat.squareRoot() + 1e-8)])
        #expect(optimizer.step == 2)
    }

    @Test func mismatchedGradientsStop() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            var optimizer = SGD<Double>(learningRate: 0.1)
            var values = [Tensor<Double>([1, 2])]
            optimizer.update(&values, gradients: [Tensor<Double>([1, 2, 3])])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains("SGD.update: parameter 0 has shape [2] but its gradient has shape [3]")
        )
    }
}
