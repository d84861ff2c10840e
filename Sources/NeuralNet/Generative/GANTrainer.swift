/// The alternating training of a generative adversarial network: a generator `G` mapping
/// noise `z` to samples, a discriminator `D` scoring samples with a logit, and an optimizer
/// for each.
///
/// Each ``step(real:noise:)`` first moves `D` down ``ganDiscriminatorLoss(realLogits:fakeLogits:)``
/// with `G`'s samples held fixed, then moves `G` down the non-saturating
/// ``ganGeneratorLoss(fakeLogits:)`` through the updated `D`, whose parameters are held fixed.
public struct GANTrainer<
    GeneratorModel: Layer, DiscriminatorModel: Layer, GeneratorOptimizer: Optimizer,
    DiscriminatorOptimizer: Optimizer
>
where
    GeneratorModel.Scalar == DiscriminatorModel.Scalar,
    GeneratorOptimizer.Scalar == GeneratorModel.Scalar,
    DiscriminatorOptimizer.Scalar == GeneratorModel.Scalar
{
    /// The scalar type of both networks.
    public typealias Scalar = GeneratorModel.Scalar
    /// `G`: noise `[batch, noiseSize]` to samples.
    public var generator: GeneratorModel
    /// `D`: samples to logits `[batch, 1]`.
    public var discriminator: DiscriminatorModel
    /// The optimizer of `G`.
    public var generatorOptimizer: GeneratorOptimizer
    /// The optimizer of `D`.
    public var discriminatorOptimizer: DiscriminatorOptimizer
    /// The width of the noise `G` reads.
    public let noiseSize: Int

    /// A trainer for `generator` and `discriminator` with their optimizers.
    public init(
        generator: GeneratorModel, discriminator: DiscriminatorModel, noiseSize: Int,
        generatorOptimizer: GeneratorOptimizer, discriminatorOptimizer: DiscriminatorOptimizer
    ) {
        self.generator = generator
        self.discriminator = discriminator
        self.noiseSize = noiseSize
        self.generatorOptimizer = generatorOptimizer
        self.discriminatorOptimizer = discriminatorOptimizer
    }

    /// Standard normal noise `[batch, noiseSize]` from `generator`.
    public func noise(batchSize: Int, using generator: inout some RandomNumberGenerator)
        -> Tensor<Scalar>
    {
        .randomNormal(shape: [batchSize, noiseSize], using: &generator)
    }

    /// One discriminator step and one generator step on a batch of real samples, with `G`
    /// fed `noise`; returns both losses as they were before the steps.
    @discardableResult
    public mutating func step(real: Tensor<Scalar>, noise: Tensor<Scalar>) -> (
        discriminatorLoss: Scalar, generatorLoss: Scalar
    ) {
        let fake = generator(noise).detached()
        let (discriminatorLoss, discriminatorGradients) = valueWithGradient(at: discriminator) {
            ganDiscriminatorLoss(realLogits: $0(real), fakeLogits: $0(fake))
        }
        discriminatorOptimizer.update(
            &discriminator.parameters, gradients: discriminatorGradients)
        let critic = discriminator
        let (generatorLoss, generatorGradients) = valueWithGradient(at: generator) {
            ganGeneratorLoss(fakeLogits: critic($0(noise)))
        }
        generatorOptimizer.update(&generator.parameters, gradients: generatorGradients)
        return (discriminatorLoss.scalar, generatorLoss.scalar)
    }

    /// One step with fresh noise drawn from `randomness`.
    @discardableResult
    public mutating func step(
        real: Tensor<Scalar>, using randomness: inout some RandomNumberGenerator
    )
        -> (discriminatorLoss: Scalar, generatorLoss: Scalar)
    {
        step(real: real, noise: noise(batchSize: real.shape[0], using: &randomness))
    }
}
