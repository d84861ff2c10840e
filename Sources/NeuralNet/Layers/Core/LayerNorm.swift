/// Layer normalisation (Ba, Kiros and Hinton 2016) over the last axis:
/// `y = (x - μ) / √(σ² + ε) · γ + β`.
///
/// `μ` and `σ²` are the mean and the (biased, divide-by-n) variance of each sample's
/// `featureSize` features, the last axis; `γ` (scale, starting at 1) and `β` (offset,
/// starting at 0) are learned per feature. Unlike batch normalisation it uses no statistics
/// across the batch, so training and inference compute the same thing.
public struct LayerNorm<Scalar: TensorScalar>: Layer {
    /// The scale `γ`, `[featureSize]`.
    public var scale: Tensor<Scalar>
    /// The offset `β`, `[featureSize]`.
    public var offset: Tensor<Scalar>
    /// The `ε` added to the variance.
    public let epsilon: Scalar

    /// A layer normalising `featureSize` features, with `γ = 1` and `β = 0`.
    public init(featureSize: Int, epsilon: Scalar = 1e-5) {
        scale = .ones(shape: [featureSize])
        offset = .zeros(shape: [featureSize])
        self.epsilon = epsilon
    }

    /// The scale and the offset, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [scale, offset] }
        set { (scale, offset) = (newValue[0], newValue[1]) }
    }

    /// `(x - μ) / √(σ² + ε) · γ + β`, each sample normalised over its last axis.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        guard input.rank >= 1, input.shape[input.rank - 1] == scale.shape[0] else {
            fatalError(
                "LayerNorm: input of shape \(input.shape) needs \(scale.shape[0]) features in "
                    + "its last dimension")
        }
        let mean = input.mean(alongAxes: -1, keepingDimensions: true)
        let centered = input - mean
        let variance = (centered * centered).mean(alongAxes: -1, keepingDimensions: true)
        return centered / sqrt(variance + epsilon) * scale + offset
    }
}
