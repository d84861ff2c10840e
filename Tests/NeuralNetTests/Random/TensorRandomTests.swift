import Testing

@testable import NeuralNet

@Suite struct TensorRandomTests {
    /// Values from a separate implementation: u = (next >> 11) · 2⁻⁵³, then -1 + 2u.
    @Test func uniformKnownValuesForSeed42() {
        var generator = SeededGenerator(seed: 42)
        let x = Tensor<Double>.random(shape: [2, 2], in: -1...1, using: &generator)
        #expect(x.shape == [2, 2])
        #expect(
            x.scalars == [
                -0.8322740578802357, -0.2420394986746628, 0.36008682205627873, 0.8493858906507752,
            ])
    }

    @Test func uniformIsDeterministicAndInRange() {
        var first = SeededGenerator(seed: 11)
        var second = SeededGenerator(seed: 11)
        let a = Tensor<Double>.random(shape: [1000], in: 2...5, using: &first)
        let b = Tensor<Double>.random(shape: [1000], in: 2...5, using: &second)
        #expect(a.scalars == b.scalars)
        #expect(a.scalars.allSatisfy { (2...5).contains($0) })
        // 1000 uniform draws on [2, 5]: mean 3.5, standard error about 0.03.
        #expect(abs(a.mean().scalar - 3.5) < 0.1)
    }

    @Test func floatDrawsAreTheDoubleDrawsRounded() {
        var first = SeededGenerator(seed: 9)
        var second = SeededGenerator(seed: 9)
        let single = Tensor<Float>.random(shape: [50], in: -1...1, using: &first)
        let double = Tensor<Double>.random(shape: [50], in: -1...1, using: &second)
        #expect(single.scalars == double.scalars.map { Float($0) })
    }

    @Test func uniformCanRequireGradient() {
        var generator = SeededGenerator(seed: 1)
        let weight = Tensor<Double>.random(
            shape: [3], in: 0...1, using: &generator, requiresGradient: true)
        #expect(weight.requiresGradient)
    }

    /// The first pair from a separate implementation of Box–Muller over the same draws.
    @Test func normalKnownValuesForSeed42() {
        var generator = SeededGenerator(seed: 42)
        let x = Tensor<Double>.randomNormal(shape: [2], using: &generator)
        expectClose(x.scalars, [-0.303263064678738, 0.28846173882942383], tolerance: 1e-15)
    }

    @Test func normalHasTheRequestedMeanAndSpread() {
        var generator = SeededGenerator(seed: 123)
        let x = Tensor<Double>.randomNormal(
            shape: [100, 100], mean: 2, standardDeviation: 0.5, using: &generator)
        let mean = x.mean().scalar
        let variance = pow(x - mean, 2).mean().scalar
        // 10 000 draws: standard errors about 0.005 for the mean and 0.0035 for the variance.
        #expect(abs(mean - 2) < 0.02)
        #expect(abs(variance - 0.25) < 0.015)
    }

    @Test func normalOddCountIsTheEvenCountsPrefix() {
        var first = SeededGenerator(seed: 8)
        var second = SeededGenerator(seed: 8)
        let odd = Tensor<Double>.randomNormal(shape: [5], using: &first)
        let even = Tensor<Double>.randomNormal(shape: [6], using: &second)
        #expect(odd.scalars == Array(even.scalars.prefix(5)))
    }
}
