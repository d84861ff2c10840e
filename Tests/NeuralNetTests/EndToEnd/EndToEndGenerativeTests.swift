import Testing

@testable import NeuralNet

@Suite(
    .enabled(
        if: isOptimizedBuild,
        "training needs an optimised build: swift test -c release -Xswiftc -enable-testing --filter EndToEnd"
    ))
struct EndToEndGenerativeTests {
    /// The mean distance from each sample to the nearer of the mixture's two means.
    private func distanceToModes(_ samples: Tensor<Float>) -> Float {
        samples.scalars.map { min(abs($0 + 2), abs($0 - 2)) }.reduce(0, +)
            / Float(samples.scalarCount)
    }

    @Test func ganMovesSamplesTowardAGaussianMixture() {
        var generator = SeededGenerator(seed: 1)
        var trainer = GANTrainer(
            generator: Sequential<Float>(
                Dense(inputSize: 2, outputSize: 16, using: &generator), Activation(tanh),
                Dense(inputSize: 16, outputSize: 1, using: &generator)),
            discriminator: Sequential<Float>(
                Dense(inputSize: 1, outputSize: 16, using: &generator),
                Activation { leakyRelu($0, negativeSlope: 0.2) },
                Dense(inputSize: 16, outputSize: 1, using: &generator)),
            noiseSize: 2, generatorOptimizer: Adam(learningRate: 0.005),
            discriminatorOptimizer: Adam(learningRate: 0.005))
        var randomness = SeededGenerator(seed: 2)
        let probeNoise = trainer.noise(batchSize: 1000, using: &randomness)
        let before = distanceToModes(trainer.generator(probeNoise))
        for _ in 0..<1500 {
            let real = Datasets.gaussianMixture(
                count: 64, means: [[-2], [2]], standardDeviations: [0.25, 0.25], as: Float.self,
                using: &randomness
            ).features
            trainer.step(real: real, using: &randomness)
        }
        let after = distanceToModes(trainer.generator(probeNoise))
        // The data's own samples lie 0.2 from their mode on average (σ·√(2/π)).
        #expect(before > 1.2, "before \(before)")
        #expect(after < 0.5 * before, "before \(before), after \(after)")
    }

    @Test func vaeImprovesTheELBOOnDigits() {
        var generator = SeededGenerator(seed: 3)
        var vae = VariationalAutoencoder(
            encoder: Sequential<Float>(
                Dense(inputSize: 64, outputSize: 64, using: &generator), Activation(relu),
                Dense(inputSize: 64, outputSize: 8, using: &generator)),
            decoder: Sequential<Float>(
                Dense(inputSize: 4, outputSize: 64, using: &generator), Activation(relu),
                Dense(inputSize: 64, outputSize: 64, using: &generator)),
            latentSize: 4)
        let (training, test) = Datasets.digitsSplit(as: Float.self)
        func testLoss() -> Float {
            var fixed = SeededGenerator(seed: 4)
            return vae.negativeELBO(test.features, using: &fixed).loss.scalar
        }
        let before = testLoss()
        var optimizer = Adam<Float>(learningRate: 0.003)
        var randomness = SeededGenerator(seed: 5)
        for _ in 0..<10 {
            for batch in training.batches(size: 64, shuffledUsing: &randomness) {
                let gradients = gradient(at: vae) {
                    $0.negativeELBO(batch.features, using: &randomness).loss
                }
                optimizer.update(&vae.parameters, gradients: gradients)
            }
        }
        let after = testLoss()
        // Untrained, the decoder says 1/2 for every pixel: 64 · log 2 ≈ 44 nats.
        #expect(before > 40, "before \(before)")
        #expect(after < 0.8 * before, "before \(before), after \(after)")
    }
}
