/// Luong's multiplicative ("general") attention (Luong, Pham and Manning 2015):
/// `score(h, s) = hᵀ W s`, weights `α = softmax(score)` over the source positions, and context
/// `c = Σⱼ αⱼ vⱼ`.
///
/// `h` is the decoder's query `[batch, querySize]`; `s` the encoder's states
/// `[batch, sourceLength, keySize]`; `W` is `[querySize, keySize]`. The values default to
/// the keys, as in the paper.
public struct MultiplicativeAttention<Scalar: TensorScalar>: Module {
    /// The bilinear weight `W`, `[querySize, keySize]`.
    public var weight: Tensor<Scalar>

    /// Attention with a Glorot-uniform `W` drawn from `generator`.
    public init(querySize: Int, keySize: Int, using generator: inout some RandomNumberGenerator) {
        weight = .glorotUniform(shape: [querySize, keySize], using: &generator)
    }

    /// `W`.
    public var parameters: [Tensor<Scalar>] {
        get { [weight] }
        set { weight = newValue[0] }
    }

    /// The scores `hᵀ W sⱼ` for every source position `j`, `[batch, sourceLength]`.
    public func scores(query: Tensor<Scalar>, keys: Tensor<Scalar>) -> Tensor<Scalar> {
        guard query.rank == 2, keys.rank == 3, query.shape[0] == keys.shape[0],
            query.shape[1] == weight.shape[0], keys.shape[2] == weight.shape[1]
        else {
            fatalError(
                "MultiplicativeAttention: query of shape \(query.shape) and keys of shape "
                    + "\(keys.shape) need [batch, \(weight.shape[0])] and "
                    + "[batch, length, \(weight.shape[1])]")
        }
        // hᵀW for each sample, as a one-row matrix [batch, 1, keySize], times each sᵀ.
        let projected = denseProduct(query, weight).expandingDimension(at: 1)
        return matmul(projected, keys.transposed()).squeezingDimension(at: 1)
    }

    /// The context `Σⱼ αⱼ vⱼ` `[batch, valueSize]` and the weights `α` `[batch, sourceLength]`.
    ///
    /// `mask`, if given, is non-zero at source positions that must get no weight (padding).
    public func callAsFunction(
        query: Tensor<Scalar>, keys: Tensor<Scalar>, values: Tensor<Scalar>? = nil,
        mask: Tensor<Scalar>? = nil
    ) -> (context: Tensor<Scalar>, weights: Tensor<Scalar>) {
        var scores = scores(query: query, keys: keys)
        if let mask { scores = scores.filling(where: mask, with: -.infinity) }
        let weights = softmax(scores, alongAxis: -1)
        let context = matmul(weights.expandingDimension(at: 1), values ?? keys)
        return (context.squeezingDimension(at: 1), weights)
    }
}
