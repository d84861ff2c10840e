// Scaled dot-product attention (Vaswani et al. 2017) as free functions.

/// The attention weights `softmax(QKᵀ/√d_k)`, each row a probability distribution over keys.
///
/// `query` has shape `[…, queries, d_k]` and `key` `[…, keys, d_k]`; the result
/// `[…, queries, keys]`. Where `mask` is non-zero (it broadcasts against the result) the score
/// is set to `-∞` before the softmax, so that key gets weight exactly 0; a row whose every
/// key is masked has no distribution and comes out NaN. Dividing by `√d_k` keeps the scores'
/// variance near 1 for unit-variance inputs, so the softmax does not saturate as `d_k` grows.
public func attentionWeights<Scalar>(
    query: Tensor<Scalar>, key: Tensor<Scalar>, mask: Tensor<Scalar>? = nil
) -> Tensor<Scalar> {
    guard query.rank >= 2, key.rank == query.rank,
        query.shape[query.rank - 1] == key.shape[key.rank - 1]
    else {
        fatalError(
            "attentionWeights(query:key:mask:): query of shape \(query.shape) and key of shape "
                + "\(key.shape) need shapes [..., queries, d] and [..., keys, d]")
    }
    let depth = Scalar(query.shape[query.rank - 1])
    var scores = matmul(query, key.transposed()) / depth.squareRoot()
    if let mask {
        scores = scores.filling(where: mask, with: -.infinity)
    }
    return softmax(scores, alongAxis: -1)
}

/// Scaled dot-product attention: `Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V`.
///
/// Each query's output is the average of the values, weighted by how well the query matches
/// each key (see ``attentionWeights(query:key:mask:)`` for the weights and the mask, which is
/// non-zero where attention is *not* allowed). `query` is `[…, queries, d_k]`, `key`
/// `[…, keys, d_k]`, `value` `[…, keys, d_v]`; the result is `[…, queries, d_v]`.
public func scaledDotProductAttention<Scalar>(
    query: Tensor<Scalar>, key: Tensor<Scalar>, value: Tensor<Scalar>,
    mask: Tensor<Scalar>? = nil
) -> Tensor<Scalar> {
    guard value.rank == key.rank, value.shape[value.rank - 2] == key.shape[key.rank - 2] else {
        fatalError(
            "scaledDotProductAttention(query:key:value:mask:): key of shape \(key.shape) and "
                + "value of shape \(value.shape) need one value row per key")
    }
    return matmul(attentionWeights(query: query, key: key, mask: mask), value)
}

/// A causal mask for a sequence of `length`: 1 above the diagonal, where a position would see
/// a later one, and 0 elsewhere; shape `[length, length]`.
public func causalMask<Scalar: TensorScalar>(length: Int, as _: Scalar.Type = Scalar.self)
    -> Tensor<Scalar>
{
    Tensor(
        (0..<(length * length)).map { $0 % length > $0 / length ? 1 : 0 },
        shape: [length, length])
}
