import Testing

@testable import NeuralNet

@Suite struct AnomalyDetectionTests {
    @Test func offByDefaultNaNFlowsThrough() {
        let x = Tensor<Double>([0, 1], requiresGradient: true)
        let y = log(x).sum()
        #expect(!AnomalyDetection.isEnabled)
        #expect(y.scalar == -.infinity)
    }

    @Test func theForwardOperationThatMadeInfinityIsNamed() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent])
        {
            AnomalyDetection.run {
                let x = Tensor<Double>([0, 1], requiresGradient: true)
                _ = log(x).sum()
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "anomaly detection: log (forward) produced -inf at element 0 of shape [2]"))
    }

    @Test func aDerivativeThatMakesNaNIsNamedInBackward() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent])
        {
            AnomalyDetection.run {
                // sqrt(0) is finite, but its derivative 1/(2·sqrt(x)) at 0 is infinite.
                let x = Tensor<Double>([0, 4], requiresGradient: true)
                sqrt(x).sum().backward()
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains("anomaly detection: sqrt (its derivative, in backward()) produced"))
    }

    @Test func finiteTrainingPassesUntouched() {
        let value = AnomalyDetection.run {
            gradient(at: Tensor<Double>([1, 2])) { (sigmoid($0) * $0).sum() }
        }
        #expect(value.scalars.allSatisfy { $0.isFinite })
    }
}
