/// Inverted dropout (Srivastava et al. 2014): in training, each unit is zeroed with probability
/// `p` and the survivors scaled by `1/(1 - p)`; at inference, the identity.
///
/// `y = x ⊙ m / (1 - p)` with `mᵢ ~ Bernoulli(1 - p)` drawn from the context's seeded
/// generator, so the expected output equals the input and nothing changes at inference.
public struct Dropout<Scalar: TensorScalar>: Layer {
    /// The probability `p` of zeroing a unit, in `0..<1`.
    public let rate: Double

    /// A dropout layer that zeroes units with probability `rate`.
    public init(rate: Double) {
        guard (0..<1).contains(rate) else {
            fatalError("Dropout(rate:): rate \(rate) must be in 0..<1")
        }
        self.rate = rate
    }

    /// None.
    public var parameters: [Tensor<Scalar>] {
        get { [] }
        set { requireNoParameters(newValue, for: "Dropout") }
    }

    /// The identity: inference drops nothing.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        input
    }

    /// `x ⊙ m / (1 - p)` in a training pass, `x` otherwise.
    public func callAsFunction(_ input: Tensor<Scalar>, context: inout ForwardContext)
        -> Tensor<Scalar>
    {
        guard context.isTraining, rate > 0 else { return input }
        let scale = Scalar(1 / (1 - rate))
        let mask = (0..<input.scalarCount).map { _ in
            unitInterval(using: &context.generator) < rate ? 0 : scale
        }
        return input * Tensor(mask, shape: input.shape)
    }
}

/// A number in [0, 1) from the top 53 bits of the generator's next output, every multiple of
/// 2⁻⁵³ equally likely; written here so a seed gives the same draws on every platform.
func unitInterval(using generator: inout some RandomNumberGenerator) -> Double {
    Double(generator.next() >> 11) * 0x1p-53
}
