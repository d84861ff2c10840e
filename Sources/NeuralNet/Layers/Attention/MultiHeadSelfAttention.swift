/// Multi-head self-attention (Vaswani et al. 2017):
/// `MultiHead(X) = [head₁ … headₕ]·W_O + b_O` with
/// `headᵢ = Attention(X·W_Qᵢ + b_Qᵢ, X·W_Kᵢ + b_Kᵢ, X·W_Vᵢ + b_Vᵢ)`.
///
/// The input `X` is `[batch, length, modelSize]`; each of the `headCount` heads attends with
/// `modelSize / headCount` features, computed for all heads at once by one `[modelSize,
/// modelSize]` projection each for queries, keys and values, split into heads. Without
/// positional information the layer is permutation-equivariant: permuting the positions of
/// `X` permutes the output the same way.
public struct MultiHeadSelfAttention<Scalar: TensorScalar>: Layer {
    /// `W_Q`, `W_K`, `W_V` and `W_O`, each `[modelSize, modelSize]`.
    public var queryWeight, keyWeight, valueWeight, outputWeight: Tensor<Scalar>
    /// `b_Q`, `b_K`, `b_V` and `b_O`, each `[modelSize]`.
    public var queryBias, keyBias, valueBias, outputBias: Tensor<Scalar>
    /// The number of heads `h`.
    public let headCount: Int

    /// A layer with Glorot-uniform projections drawn from `generator` and zero biases.
    /// `modelSize` must be a multiple of `headCount`.
    public init(
        modelSize: Int, headCount: Int, using generator: inout some RandomNumberGenerator
    ) {
        guard headCount >= 1, modelSize % headCount == 0 else {
            fatalError(
                "MultiHeadSelfAttention: modelSize \(modelSize) must be a multiple of "
                    + "headCount \(headCount)")
        }
        let shape = [modelSize, modelSize]
        queryWeight = .glorotUniform(shape: shape, using: &generator)
        keyWeight = .glorotUniform(shape: shape, using: &generator)
        valueWeight = .glorotUniform(shape: shape, using: &generator)
        outputWeight = .glorotUniform(shape: shape, using: &generator)
        (queryBias, keyBias) = (.zeros(shape: [modelSize]), .zeros(shape: [modelSize]))
        (valueBias, outputBias) = (.zeros(shape: [modelSize]), .zeros(shape: [modelSize]))
        self.headCount = headCount
    }

    /// The width of every position's features.
    public var modelSize: Int { queryWeight.shape[0] }

    /// The four weights, then the four biases, in the order Q, K, V, O.
    public var parameters: [Tensor<Scalar>] {
        get {
            [
                queryWeight, keyWeight, valueWeight, outputWeight, queryBias, keyBias, valueBias,
                outputBias,
            ]
        }
        set {
            (queryWeight, keyWeight, valueWeight, outputWeight) = (
                newValue[0], newValue[1], newValue[2], newValue[3]
            )
            (queryBias, keyBias, valueBias, outputBias) = (
                newValue[4], newValue[5], newValue[6], newValue[7]
            )
        }
    }

    /// Self-attention over every position, without a mask.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        self(input, mask: nil)
    }

    /// Self-attention; `mask` (such as ``causalMask(length:as:)``) is non-zero where a
    /// position must not attend, and broadcasts against `[batch, heads, length, length]`.
    public func callAsFunction(_ input: Tensor<Scalar>, mask: Tensor<Scalar>?) -> Tensor<Scalar> {
        guard input.rank == 3, input.shape[2] == modelSize else {
            fatalError(
                "MultiHeadSelfAttention: input of shape \(input.shape) needs shape "
                    + "[batch, length, \(modelSize)]")
        }
        let (batch, length) = (input.shape[0], input.shape[1])
        let headSize = modelSize / headCount
        func heads(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
            x.reshaped(to: [batch, length, headCount, headSize]).permuted([0, 2, 1, 3])
        }
        let attended = scaledDotProductAttention(
            query: heads(denseProduct(input, queryWeight) + queryBias),
            key: heads(denseProduct(input, keyWeight) + keyBias),
            value: heads(denseProduct(input, valueWeight) + valueBias), mask: mask)
        let joined = attended.permuted([0, 2, 1, 3]).reshaped(to: [batch, length, modelSize])
        return denseProduct(joined, outputWeight) + outputBias
    }
}
