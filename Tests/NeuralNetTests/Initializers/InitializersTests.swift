import Testing

@testable import NeuralNet

@Suite struct InitializersTests {
    /// The mean and the (population) variance of some numbers.
    func statistics(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        return (mean, variance)
    }

    @Test func glorotAndHeHaveTheirVariances() {
        var generator = SeededGenerator(seed: 2024)
        let shape = [200, 300]  // 60,000 draws: the sample variance is within about 1% of σ².
        let cases: [(Tensor<Double>, Double, Double?)] = [
            (.glorotUniform(shape: shape, using: &generator), 2.0 / 500, (6.0 / 500).squareRoot()),
            (.glorotNormal(shape: shape, using: &generator), 2.0 / 500, nil),
            (.heUniform(shape: shape, using: &generator), 2.0 / 200, (6.0 / 200).squareRoot()),
            (.heNormal(shape: shape, using: &generator), 2.0 / 200, nil),
        ]
        for (weights, variance, limit) in cases {
            let (sampleMean, sampleVariance) = statistics(weights.scalars)
            #expect(abs(sampleMean) < 0.02 * variance.squareRoot())
            #expect(abs(sampleVariance / variance - 1) < 0.03)
            if let limit {
                #expect(weights.scalars.allSatisfy { abs($0) <= limit })
            }
        }
    }

    @Test func sameSeedSameWeights() {
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        let a = Tensor<Float>.glorotUniform(shape: [64, 128], using: &first)
        let b = Tensor<Float>.glorotUniform(shape: [64, 128], using: &second)
        #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
        var third = SeededGenerator(seed: 6)
        #expect(Tensor<Float>.glorotUniform(shape: [64, 128], using: &third) != a)
    }

    @Test func fansFollowTheLayout() {
        #expect(Tensor<Double>.fans(of: [64, 128]) == (64, 128))
        #expect(Tensor<Double>.fans(of: [16, 1, 3, 3]) == (9, 144))
        #expect(Tensor<Double>.fans(of: [10]) == (10, 10))
    }
}
