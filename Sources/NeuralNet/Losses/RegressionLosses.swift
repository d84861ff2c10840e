// Losses for predicting numbers. Free functions with labels, as in MLX: each returns a scalar
// tensor, the mean over every element (or, with `reduction:`, the sum or the terms), and is
// differentiable in `predictions`.

/// The mean squared error: `L = (1/n) Σᵢ (ŷᵢ - yᵢ)²`.
///
/// Its gradient is `∂L/∂ŷᵢ = 2(ŷᵢ - yᵢ)/n`. `targets` broadcasts against `predictions`.
public func meanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>
) -> Tensor<Scalar> {
    meanSquaredError(predictions: predictions, targets: targets, reduction: .mean)
}

/// The squared errors `ℓᵢ = (ŷᵢ - yᵢ)²` combined as `reduction` says: their mean (the mean
/// squared error), their sum, or the terms themselves, of the broadcast shape of
/// `predictions` and `targets`, with `∂ℓᵢ/∂ŷᵢ = 2(ŷᵢ - yᵢ)`.
public func meanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>, reduction: LossReduction
) -> Tensor<Scalar> {
    let error = predictions - targets
    return reduction.apply(error * error)
}

/// The root mean squared error: `L = √((1/n) Σᵢ (ŷᵢ - yᵢ)²)`, in the units of the targets.
///
/// Its gradient is `∂L/∂ŷᵢ = (ŷᵢ - yᵢ)/(n·L)`, undefined (NaN) when every prediction is exact.
/// It alone of the losses takes no `reduction:`: it is the root of a mean, not a mean of
/// per-element terms (its "terms" would be `|ŷᵢ - yᵢ|`, whose sum is no multiple of it); use
/// `meanSquaredError(predictions:targets:reduction:)` for per-element errors.
public func rootMeanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>
) -> Tensor<Scalar> {
    sqrt(meanSquaredError(predictions: predictions, targets: targets))
}
