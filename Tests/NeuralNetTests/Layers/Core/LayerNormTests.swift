import Testing

@testable import NeuralNet

@Suite struct LayerNormTests {
    @Test func forwardMatchesALoop() {
        var layer = LayerNorm<Double>(featureSize: 4)
        layer.scale = Tensor([1, 2, 0.5, -1])
        layer.offset = Tensor([0, 1, -1, 0.25])
        let x = probe([3, 4], seed: 5)
        var expected: [Double] = []
        for row in 0..<3 {
            let values = Array(x.scalars[(row * 4)..<(row * 4 + 4)])
            let mean = values.reduce(0, +) / 4
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            for (j, value) in values.enumerated() {
                let normalized = (value - mean) / (variance + 1e-5).squareRoot()
                expected.append(normalized * layer.scale.scalars[j] + layer.offset.scalars[j])
            }
        }
        expectClose(layer(x).scalars, expected)
    }

    @Test func gradientsMatchFiniteDifferences() {
        var layer = LayerNorm<Double>(featureSize: 5)
        layer.scale = probe([5], seed: 8)
        let x = probe([2, 3, 5], seed: 6)
        let weights = probe([2, 3, 5], seed: 7)
        expectParameterGradientsMatch(layer) { ($0(x) * weights).sum() }
        expectGradientMatches(at: x) { (layer($0) * weights).sum() }
    }
}
