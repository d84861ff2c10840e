/// How a loss combines its per-element terms, as PyTorch's `reduction=` argument does.
///
/// Every loss computes one term `ℓᵢ` per element (per sample for the losses defined on rows,
/// such as ``softmaxCrossEntropy(logits:labels:reduction:)``) and then returns:
///
/// - ``LossReduction/mean``: `(1/n) Σᵢ ℓᵢ`, a scalar tensor: the default of every loss;
/// - ``LossReduction/sum``: `Σᵢ ℓᵢ`, a scalar tensor, whose gradient is the mean's times `n`;
/// - ``LossReduction/none``: the terms themselves, one per element (or sample), whose gradient with respect
///   to each input is that of its own term alone: the gradient of `losses.sum()` is the
///   mean's times `n`, and `(losses * weights).sum()` weights the samples.
public enum LossReduction: Sendable, Equatable {
    /// The mean of the terms: `(1/n) Σᵢ ℓᵢ`.
    case mean
    /// The sum of the terms: `Σᵢ ℓᵢ`.
    case sum
    /// The terms unreduced, one per element (or sample).
    case none

    /// `terms` reduced: its mean, its sum, or itself.
    func apply<Scalar>(_ terms: Tensor<Scalar>) -> Tensor<Scalar> {
        switch self {
        case .mean: terms.mean()
        case .sum: terms.sum()
        case .none: terms
        }
    }
}
