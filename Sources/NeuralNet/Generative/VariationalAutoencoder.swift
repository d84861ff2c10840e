/// A variational autoencoder (Kingma and Welling 2014) built from any encoder and decoder.
///
/// - The encoder maps `x` to `[batch, 2·latentSize]`: the mean `μ` then the log-variance
///   `log σ²` of a diagonal Gaussian `q(z|x)`.
/// - ``reparameterize(mean:logVariance:using:)`` draws `z = μ + σ ⊙ ε`, `ε ~ N(0, I)` from a
///   seeded generator, so the sample is differentiable in `μ` and `σ`.
/// - The decoder maps `z` to the logits of Bernoulli pixels, `p(x|z) = σ(decoder(z))`.
///
/// Training maximises the evidence lower bound, per sample
/// `ELBO = E_q[log p(x|z)] - KL(q(z|x) ‖ N(0, I))`, estimated with one `z` per sample: the
/// loss ``negativeELBO(_:using:)`` is the summed binary cross-entropy of the reconstruction
/// plus ``gaussianKLDivergence(mean:logVariance:)``, both averaged over the batch.
public struct VariationalAutoencoder<Encoder: Layer, Decoder: Layer>: Module
where Encoder.Scalar == Decoder.Scalar {
    /// The scalar type of both networks.
    public typealias Scalar = Encoder.Scalar
    /// `x` to `[μ | log σ²]`, `[batch, 2·latentSize]`.
    public var encoder: Encoder
    /// `z` to the logits of `x`.
    public var decoder: Decoder
    /// The dimension of `z`.
    public let latentSize: Int

    /// A VAE from an encoder giving `2·latentSize` outputs and a decoder reading `latentSize`.
    public init(encoder: Encoder, decoder: Decoder, latentSize: Int) {
        self.encoder = encoder
        self.decoder = decoder
        self.latentSize = latentSize
    }

    /// The encoder's parameters, then the decoder's.
    public var parameters: [Tensor<Scalar>] {
        get { encoder.parameters + decoder.parameters }
        set {
            let count = encoder.parameters.count
            encoder.parameters = Array(newValue[..<count])
            decoder.parameters = Array(newValue[count...])
        }
    }

    /// `μ` and `log σ²` of `q(z|x)`, each `[batch, latentSize]`.
    public func encode(_ input: Tensor<Scalar>) -> (
        mean: Tensor<Scalar>, logVariance: Tensor<Scalar>
    ) {
        let statistics = encoder(input)
        guard statistics.rank == 2, statistics.shape[1] == 2 * latentSize else {
            fatalError(
                "VariationalAutoencoder: the encoder gave shape \(statistics.shape); it must give "
                    + "[batch, \(2 * latentSize)], the mean then the log-variance")
        }
        return (
            Primitive.slice(statistics, alongAxis: 1, 0..<latentSize),
            Primitive.slice(statistics, alongAxis: 1, latentSize..<(2 * latentSize))
        )
    }

    /// `z = μ + exp(½ log σ²) ⊙ ε` with `ε ~ N(0, I)` drawn from `generator`.
    public static func reparameterize(
        mean: Tensor<Scalar>, logVariance: Tensor<Scalar>,
        using generator: inout some RandomNumberGenerator
    ) -> Tensor<Scalar> {
        Shape.requireEqual(
            mean.shape, logVariance.shape, for: "reparameterize(mean:logVariance:using:)")
        let noise = Tensor<Scalar>.randomNormal(shape: mean.shape, using: &generator)
        return mean + exp(logVariance * 0.5) * noise
    }

    /// The decoder's Bernoulli probabilities `σ(decoder(z))`.
    public func decode(_ latent: Tensor<Scalar>) -> Tensor<Scalar> {
        sigmoid(decoder(latent))
    }

    /// The loss `-ELBO` and its two terms, each averaged over the batch: the reconstruction
    /// error `-log p(x|z)` (binary cross-entropy summed over the features) and the divergence
    /// `KL(q(z|x) ‖ N(0, I))`. `x` holds values in [0, 1].
    public func negativeELBO(
        _ input: Tensor<Scalar>, using generator: inout some RandomNumberGenerator
    )
        -> (loss: Tensor<Scalar>, reconstructionError: Tensor<Scalar>, divergence: Tensor<Scalar>)
    {
        let (mean, logVariance) = encode(input)
        let latent = Self.reparameterize(mean: mean, logVariance: logVariance, using: &generator)
        let logits = decoder(latent)
        let features = Scalar(input.scalarCount / Swift.max(input.shape[0], 1))
        let reconstruction = binaryCrossEntropy(logits: logits, labels: input) * features
        let divergence = gaussianKLDivergence(mean: mean, logVariance: logVariance)
        return (reconstruction + divergence, reconstruction, divergence)
    }
}
