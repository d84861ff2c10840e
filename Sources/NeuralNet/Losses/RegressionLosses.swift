// Losses for predicting numbers. Free functions with labels, as in MLX: each returns a scalar
// tensor, the mean over every element, and is differentiable in `predictions`.

/// The mean squared error: `L = (1/n) Σᵢ (ŷᵢ - yᵢ)²`.
///
/// Its gradient is `∂L/∂ŷᵢ = 2(ŷᵢ - yᵢ)/n`. `targets` broadcasts against `predictions`.
public func meanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>
) -> Tensor<Scalar> {
    let error = predictions - targets
    return (error * error).mean()
}

/// The root mean squared error: `L = √((1/n) Σᵢ (ŷᵢ - yᵢ)²)`, in the units of the targets.
///
/// Its gradient is `∂L/∂ŷᵢ = (ŷᵢ - yᵢ)/(n·L)`, undefined (NaN) when every prediction is exact.
public func rootMeanSquaredError<Scalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>
) -> Tensor<Scalar> {
    sqrt(meanSquaredError(predictions: predictions, targets: targets))
}
