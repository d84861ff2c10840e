/// The matrix product, `C = A·B`: `Cᵢⱼ = Σₖ Aᵢₖ Bₖⱼ`.
///
/// `a` has shape `[m, k]` and `b` shape `[k, n]`; the result has shape `[m, n]`. Either may
/// carry leading batch dimensions, `[…, m, k]` and `[…, k, n]`: equal in both, or present in
/// only one, whose every matrix is then multiplied by the other operand's single matrix. So a
/// batch of sequences `[batch, time, features]` times a weight matrix `[features, out]` gives
/// `[batch, time, out]`.
///
/// Differentiable: `dA = dC·Bᵀ` and `dB = Aᵀ·dC` (summed over the batch for a shared matrix).
/// The work runs on a cache-blocked SIMD kernel, on up to `settings.threadCount` threads; the
/// result is byte-identical for every thread count.
public func matmul<Scalar>(
    _ a: Tensor<Scalar>, _ b: Tensor<Scalar>, settings: ComputeSettings = .default
) -> Tensor<Scalar> {
    Primitive.matmul(a, b, settings: settings)
}
