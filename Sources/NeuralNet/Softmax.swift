// Softmax and log-softmax: turning scores into probabilities along an axis. Both are built
// from primitives, so they need no derivative rules of their own.

/// The softmax along `axis`: `softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ`, probabilities that sum to 1.
///
/// Computed as `e^(xᵢ - m) / Σⱼ e^(xⱼ - m)` with `m` the maximum along the axis, which is the
/// same value (the factor `e^-m` cancels) but never overflows: the largest exponential is
/// `e⁰ = 1`. So `softmax([1000, 1000])` is `[0.5, 0.5]`, not NaN.
///
/// An empty tensor gives an empty result of its shape.
public func softmax<Scalar>(_ x: Tensor<Scalar>, alongAxis axis: Int = -1) -> Tensor<Scalar> {
    let exponentials = exp(x - shift(x, alongAxis: axis, for: "softmax(_:alongAxis:)"))
    return exponentials / exponentials.sum(alongAxes: axis, keepingDimensions: true)
}

/// The logarithm of the softmax along `axis`: `xᵢ - log Σⱼ e^xⱼ`.
///
/// Computed as `(xᵢ - m) - log Σⱼ e^(xⱼ - m)` with `m` the maximum along the axis, so it
/// neither overflows nor takes the logarithm of an underflowed 0: `logSoftmax([0, -1000])`
/// is `[0, -1000]`, where `log(softmax(x))` would give `-infinity`. An empty tensor gives an
/// empty result of its shape.
public func logSoftmax<Scalar>(_ x: Tensor<Scalar>, alongAxis axis: Int = -1)
    -> Tensor<Scalar>
{
    let shifted = x - shift(x, alongAxis: axis, for: "logSoftmax(_:alongAxis:)")
    return shifted - log(exp(shifted).sum(alongAxes: axis, keepingDimensions: true))
}

/// The constant maximum along `axis`, kept as a dimension; for an empty tensor (whose maximum
/// would be undefined) zeros of that shape, since every result is empty anyway.
private func shift<Scalar>(_ x: Tensor<Scalar>, alongAxis axis: Int, for operation: String)
    -> Tensor<Scalar>
{
    let position = Shape.axis(axis, rank: x.rank, for: operation)
    guard x.scalarCount == 0 else {
        return x.max(alongAxes: position, keepingDimensions: true).detached()
    }
    var shape = x.shape
    shape[position] = 1
    return .zeros(shape: shape)
}
