import Testing

@testable import NeuralNet

@Suite struct GenerativeTests {
    @Test func ganLossesAreTheirCrossEntropies() {
        let real = Tensor<Double>([2, -1])
        let fake = Tensor<Double>([0.5, -3])
        func logSigmoid(_ x: Double) -> Double { -Double.log(1 + Double.exp(-x)) }
        let discriminator =
            -(logSigmoid(2) + logSigmoid(-1)) / 2 - (logSigmoid(-0.5) + logSigmoid(3)) / 2
        expectClose(
            [ganDiscriminatorLoss(realLogits: real, fakeLogits: fake).scalar], [discriminator])
        expectClose(
            [ganGeneratorLoss(fakeLogits: fake).scalar], [-(logSigmoid(0.5) + logSigmoid(-3)) / 2])
        // Non-saturating: a confidently rejected sample (logit -3) still gets a strong gradient,
        // -(1 - σ(ℓ))/n, where the minimax loss log(1 - σ(ℓ)) would give only -σ(ℓ)/n.
        let slope = gradient(at: fake) { ganGeneratorLoss(fakeLogits: $0) }
        expectClose(slope.scalars, [0.5, -3].map { -(1 - 1 / (1 + Double.exp(-$0))) / 2 })
    }

    @Test func reparameterizedSamplesHaveTheEncodedMoments() {
        var generator = SeededGenerator(seed: 1)
        let mean = Tensor<Double>(repeating: 1.5, shape: [20_000, 1])
        let logVariance = Tensor<Double>(repeating: Double.log(0.25), shape: [20_000, 1])
        typealias VAE = VariationalAutoencoder<Dense<Double>, Dense<Double>>
        let z = VAE.reparameterize(mean: mean, logVariance: logVariance, using: &generator)
        let sampleMean = z.mean().scalar
        let variance = ((z - sampleMean) * (z - sampleMean)).mean().scalar
        #expect(abs(sampleMean - 1.5) < 0.01)
        #expect(abs(variance - 0.25) < 0.01)
    }

    @Test func negativeELBOIsReconstructionPlusDivergenceAndDifferentiable() {
        var generator = SeededGenerator(seed: 2)
        let vae = VariationalAutoencoder(
            encoder: Dense<Double>(inputSize: 5, outputSize: 4, using: &generator),
            decoder: Dense<Double>(inputSize: 2, outputSize: 5, using: &generator), latentSize: 2)
        let x = Tensor<Double>.random(shape: [3, 5], in: 0...1, using: &generator)
        var noise = SeededGenerator(seed: 3)
        let terms = vae.negativeELBO(x, using: &noise)
        // The same draws by hand: ε from a generator with the same seed.
        var again = SeededGenerator(seed: 3)
        let (mean, logVariance) = vae.encode(x)
        let epsilon = Tensor<Double>.randomNormal(shape: [3, 2], using: &again)
        let z = mean + exp(logVariance / 2) * epsilon
        let p = sigmoid(vae.decoder(z))
        let bce = -(x * log(p) + (1 - x) * log(1 - p)).sum().scalar / 3
        let kl =
            -0.5 * (1 + logVariance - mean * mean - exp(logVariance)).sum().scalar / 3
        expectClose(
            [terms.reconstructionError.scalar, terms.divergence.scalar], [bce, kl], tolerance: 1e-10
        )
        expectClose([terms.loss.scalar], [bce + kl], tolerance: 1e-10)
        expectParameterGradientsMatch(vae) { model in
            var fixed = SeededGenerator(seed: 3)
            return model.negativeELBO(x, using: &fixed).loss
        }
    }

    @Test func wrongEncoderWidthNamesTheShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            var generator = SeededGenerator(seed: 1)
            let vae = VariationalAutoencoder(
                encoder: Dense<Double>(inputSize: 5, outputSize: 3, using: &generator),
                decoder: Dense<Double>(inputSize: 2, outputSize: 5, using: &generator),
                latentSize: 2)
            _ = vae.encode(Tensor<Double>.zeros(shape: [1, 5]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("the encoder gave shape [1, 3]; it must give [batch, 4]"))
    }
}
