/// The Kullback–Leibler divergence of diagonal Gaussians `N(μ, σ²)` from the standard normal:
/// `KL = -½ Σⱼ (1 + log σⱼ² - μⱼ² - σⱼ²)`, the regulariser of a variational autoencoder.
///
/// The encoder gives `mean` (μ) and `logVariance` (log σ²), of equal shape `[batch, latent]`
/// (or `[latent]` for one sample). The divergence is summed over the latent dimensions (the
/// last axis) and averaged over the batch, as in Kingma and Welling's VAE. It is 0 exactly
/// when μ = 0 and σ = 1. As in NumPy, an empty latent gives 0 (an empty sum) and an empty
/// batch NaN (an empty mean).
public func gaussianKLDivergence<Scalar>(mean: Tensor<Scalar>, logVariance: Tensor<Scalar>)
    -> Tensor<Scalar>
{
    Shape.requireEqual(mean.shape, logVariance.shape, for: "gaussianKLDivergence")
    let perElement = 1 + logVariance - mean * mean - exp(logVariance)
    let samples = mean.shape.dropLast().reduce(1, *)
    return perElement.sum() * Scalar(-0.5) / Scalar(samples)
}

/// ``gaussianKLDivergence(mean:logVariance:)`` with one term per sample,
/// `KLₙ = -½ Σⱼ (1 + log σₙⱼ² - μₙⱼ² - σₙⱼ²)` (summed over the last axis), combined as
/// `reduction` says: their mean over the batch (the default above), their sum, or the terms
/// themselves, of shape `[batch]` (the leading axes of `mean`; a scalar for one sample).
public func gaussianKLDivergence<Scalar>(
    mean: Tensor<Scalar>, logVariance: Tensor<Scalar>, reduction: LossReduction
) -> Tensor<Scalar> {
    guard reduction != .mean else {
        return gaussianKLDivergence(mean: mean, logVariance: logVariance)
    }
    Shape.requireEqual(mean.shape, logVariance.shape, for: "gaussianKLDivergence")
    let perElement = 1 + logVariance - mean * mean - exp(logVariance)
    let terms = perElement.sum(alongAxes: mean.rank - 1) * Scalar(-0.5)
    return reduction.apply(terms)
}
