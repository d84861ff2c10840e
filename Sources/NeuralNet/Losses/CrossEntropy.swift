// Losses for predicting classes: cross-entropies, each the mean over the samples unless a
// `reduction:` says otherwise (see `LossReduction`).

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
    binaryCrossEntropy(probabilities: probabilities, labels: labels, reduction: .mean)
}

/// ``binaryCrossEntropy(probabilities:labels:)`` with the terms
/// `ℓᵢ = -[yᵢ log pᵢ + (1 - yᵢ) log(1 - pᵢ)]` (each logarithm clamped at -100) combined as
/// `reduction` says: their mean, their sum, or the terms themselves, of the broadcast shape
/// of `probabilities` and `labels`.
public func binaryCrossEntropy<Scalar>(
    probabilities: Tensor<Scalar>, labels: Tensor<Scalar>, reduction: LossReduction
) -> Tensor<Scalar> {
    let floor = Tensor<Scalar>(scalar: -100)
    func clampedLog(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        // Where the clamp holds, `log` sees 1 instead of `x`: its rule `dy / x` would compute
        // 0/0 there (the clamp sends it dy = 0), and NaN would reach `x`.
        let clamped = log(x.detached()) .< floor
        return which(clamped, floor, log(which(clamped, Tensor(scalar: 1), x)))
    }
    let terms = labels * clampedLog(probabilities) + (1 - labels) * clampedLog(1 - probabilities)
    // Negating after the mean or sum, as before reductions existed: the same bits either way.
    return reduction == .none ? -terms : -reduction.apply(terms)
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
    binaryCrossEntropy(logits: logits, labels: labels, reduction: .mean)
}

/// ``binaryCrossEntropy(logits:labels:)`` with the terms
/// `ℓᵢ = max(zᵢ, 0) - zᵢyᵢ + log(1 + e^-|zᵢ|)` combined as `reduction` says: their mean,
/// their sum, or the terms themselves (of the broadcast shape of `logits` and `labels`,
/// with `∂ℓᵢ/∂zᵢ = σ(zᵢ) - yᵢ`).
public func binaryCrossEntropy<Scalar>(
    logits: Tensor<Scalar>, labels: Tensor<Scalar>, reduction: LossReduction
) -> Tensor<Scalar> {
    let magnitude = which(logits .< 0, -logits, logits)
    return reduction.apply(relu(logits) - logits * labels + log(1 + exp(-magnitude)))
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

/// ``softmaxCrossEntropy(logits:labels:)`` with one term per row,
/// `ℓₙ = log Σⱼ e^zₙⱼ - zₙ,yₙ`, combined as `reduction` says: their mean (the fused primitive
/// above), their sum, or the terms themselves, shape `[N]`, with
/// `∂ℓₙ/∂zₙ = softmax(zₙ) - onehot(yₙ)` and no gradient across rows.
public func softmaxCrossEntropy<Scalar>(
    logits: Tensor<Scalar>, labels: [Int], reduction: LossReduction
) -> Tensor<Scalar> {
    switch reduction {
    case .mean: Primitive.softmaxCrossEntropy(logits: logits, labels: labels)
    case .sum: Primitive.softmaxCrossEntropyTerms(logits: logits, labels: labels).sum()
    case .none: Primitive.softmaxCrossEntropyTerms(logits: logits, labels: labels)
    }
}
