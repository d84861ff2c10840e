// Losses for predicting classes: cross-entropies, each the mean over the samples.

/// The binary cross-entropy of probabilities against labels 0 or 1:
/// `L = -(1/n) Σᵢ [yᵢ log pᵢ + (1 - yᵢ) log(1 - pᵢ)]`.
///
/// Each logarithm is clamped at -100, as PyTorch does, so a confident wrong probability of
/// exactly 0 or 1 costs 100 rather than infinity, and a clamped term passes no gradient: at
/// `p = 1` with label 1, `∂L/∂p = -1/n` (from `log p`), and with label 0 it is 0. (PyTorch
/// instead divides by `max(p(1 - p), 10⁻¹²)` there.) In `Float`, `sigmoid` is exactly 1 from a
/// logit of about 16.6: prefer ``binaryCrossEntropy(logits:labels:)`` when the probabilities
/// come from a sigmoid.
public func binaryCrossEntropy<Scalar>(
    probabilities: Tensor<Scalar>, labels: Tensor<Scalar>
) -> Tensor<Scalar> {
    let floor = Tensor<Scalar>(scalar: -100)
    func clampedLog(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        // Where the clamp holds, `log` sees 1 instead of `x`: its rule `dy / x` would compute
        // 0/0 there (the clamp sends it dy = 0), and NaN would reach `x`.
        let clamped = log(x.detached()) .< floor
        return which(clamped, floor, log(which(clamped, Tensor(scalar: 1), x)))
    }
    return -(labels * clampedLog(probabilities) + (1 - labels) * clampedLog(1 - probabilities))
        .mean()
}

/// The binary cross-entropy of logits `z` (scores before a sigmoid) against labels 0 or 1:
/// `L = (1/n) Σᵢ [max(zᵢ, 0) - zᵢyᵢ + log(1 + e^-|zᵢ|)]`.
///
/// That is `-[y log σ(z) + (1 - y) log(1 - σ(z))]` rearranged so that no exponential
/// overflows and no logarithm sees 0, whatever the size of `z`. Its gradient is
/// `∂L/∂zᵢ = (σ(zᵢ) - yᵢ)/n`.
public func binaryCrossEntropy<Scalar>(logits: Tensor<Scalar>, labels: Tensor<Scalar>)
    -> Tensor<Scalar>
{
    let magnitude = which(logits .< 0, -logits, logits)
    return (relu(logits) - logits * labels + log(1 + exp(-magnitude))).mean()
}

/// The softmax cross-entropy of logits, one row per sample, against integer class labels:
/// `L = (1/N) Σₙ [log Σⱼ e^zₙⱼ - zₙ,yₙ]`, that is `-(1/N) Σₙ log softmax(zₙ)_yₙ`.
///
/// `logits` has shape `[N, classes]` and `labels` holds `N` classes in `0..<classes`. Fused
/// into one primitive: its gradient is `∂L/∂z = (softmax(z) - onehot(y))/N`, computed
/// directly, and the log-sum-exp is shifted by each row's maximum, so logits of ±1000 are fine.
public func softmaxCrossEntropy<Scalar>(logits: Tensor<Scalar>, labels: [Int])
    -> Tensor<Scalar>
{
    Primitive.softmaxCrossEntropy(logits: logits, labels: labels)
}
