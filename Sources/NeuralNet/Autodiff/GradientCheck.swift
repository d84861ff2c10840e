/// The gradient of a scalar-valued function estimated by central finite differences.
///
/// For each element `xᵢ` the function is evaluated a step `h` either side of it, all other
/// elements held fixed, and the slope between the two values is taken:
/// `∂f/∂xᵢ ≈ (f(x + h·eᵢ) - f(x - h·eᵢ)) / 2h`. The error of this estimate shrinks like `h²`
/// until rounding error, which grows like `ε/h`, takes over; the default step of 1e-5, near
/// the cube root of `Double`'s machine epsilon, balances the two, for about ten correct digits.
///
/// It calls the function `2n` times for `n` elements: a check, not a way to train.
///
/// - Parameters:
///   - point: Where to estimate the gradient.
///   - step: The step `h`.
///   - function: The function, which must return a tensor holding one scalar.
public func numericalGradient(
    at point: Tensor<Double>, step: Double = 1e-5, in function: (Tensor<Double>) -> Tensor<Double>
) -> Tensor<Double> {
    let base = point.detached()
    var slopes: [Double] = []
    slopes.reserveCapacity(base.scalarCount)
    for index in base.scalars.indices {
        var above = base.scalars
        var below = base.scalars
        above[index] += step
        below[index] -= step
        let rise =
            value(of: function, at: Tensor(above, shape: base.shape))
            - value(of: function, at: Tensor(below, shape: base.shape))
        // Divide by the run actually taken: x ± h is rounded, so it is not exactly 2h.
        slopes.append(rise / (above[index] - below[index]))
    }
    return Tensor(slopes, shape: base.shape)
}

/// Compares the gradient found by automatic differentiation with a numerical estimate.
///
/// ```swift
/// let check = gradientCheck(at: Tensor<Double>([-2, -1, 0, 1, 2])) { x in sigmoid(x).sum() }
/// print(check.passes())  // true
/// ```
///
/// A check can fail honestly where the function has a kink: at exactly 0, ``relu(_:)`` has
/// derivative 0 by convention, but the central difference there is 0.5.
public func gradientCheck(
    at point: Tensor<Double>, step: Double = 1e-5, in function: (Tensor<Double>) -> Tensor<Double>
) -> GradientCheckResult {
    GradientCheckResult(
        automatic: gradient(at: point, in: function),
        numerical: numericalGradient(at: point, step: step, in: function))
}

/// The outcome of ``gradientCheck(at:step:in:)``: two gradients and how far apart they are.
public struct GradientCheckResult: Sendable {
    /// The gradient computed by automatic differentiation (``Tensor/backward()``).
    public let automatic: Tensor<Double>
    /// The gradient estimated by central finite differences (``numericalGradient(at:step:in:)``).
    public let numerical: Tensor<Double>

    /// Pairs two gradients of the same shape.
    public init(automatic: Tensor<Double>, numerical: Tensor<Double>) {
        Shape.requireEqual(automatic.shape, numerical.shape, for: "GradientCheckResult")
        self.automatic = automatic
        self.numerical = numerical
    }

    /// The largest difference between corresponding elements: `maxᵢ |aᵢ - nᵢ|`.
    public var maximumAbsoluteError: Double {
        largest(zip(automatic.scalars, numerical.scalars).map { abs($0 - $1) })
    }

    /// The largest difference relative to the larger of the two elements:
    /// `maxᵢ |aᵢ - nᵢ| / max(|aᵢ|, |nᵢ|)`, counting an element where both are 0 as no error.
    ///
    /// It can be large where the gradient is nearly 0 and both estimates are fine;
    /// ``passes(tolerance:)`` allows for that.
    public var maximumRelativeError: Double {
        largest(
            zip(automatic.scalars, numerical.scalars).map { automatic, numerical in
                let scale = max(abs(automatic), abs(numerical))
                return scale == 0 ? 0 : abs(automatic - numerical) / scale
            })
    }

    /// Whether every element agrees to within `tolerance`, relative to its size:
    /// `|aᵢ - nᵢ| ≤ tolerance · max(1, |aᵢ|, |nᵢ|)` for all `i`.
    ///
    /// That is an absolute test for gradients smaller than 1 and a relative one for larger
    /// ones. A NaN anywhere fails.
    public func passes(tolerance: Double = 1e-6) -> Bool {
        zip(automatic.scalars, numerical.scalars).allSatisfy { automatic, numerical in
            let scale = max(1, abs(automatic), abs(numerical))
            return abs(automatic - numerical) <= tolerance * scale
        }
    }
}

/// The single number `function` returns at `point`.
private func value(of function: (Tensor<Double>) -> Tensor<Double>, at point: Tensor<Double>)
    -> Double
{
    let result = function(point)
    guard result.scalarCount == 1 else {
        fatalError(
            "numericalGradient(at:step:in:): the function must return a tensor holding one "
                + "scalar, such as a loss; it returned shape \(result.shape)")
    }
    return result.scalar
}

/// The largest of `errors`; NaN if any is NaN, so a broken gradient cannot hide; 0 if empty.
private func largest(_ errors: [Double]) -> Double {
    if errors.contains(where: \.isNaN) { return .nan }
    return errors.max() ?? 0
}
