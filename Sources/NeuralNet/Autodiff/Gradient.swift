// The functional face of automatic differentiation, after Swift for TensorFlow: pass a point
// and a scalar-valued function, get back the function's gradient at that point. The point is
// never changed; the function sees a fresh copy that requires a gradient.

/// The gradient of a scalar-valued function at a point: `∇f(x)`.
///
/// ```swift
/// let slope = gradient(at: Tensor<Double>([0, 1])) { x in sigmoid(x).sum() }
/// print(slope)  // [0.2500, 0.1966]
/// ```
///
/// - Parameters:
///   - point: Where to differentiate; whether it requires a gradient does not matter.
///   - function: The function, which must return a tensor holding one scalar.
/// - Returns: A constant tensor of the point's shape; zeros if the function ignores its input.
public func gradient<Scalar>(
    at point: Tensor<Scalar>, in function: (Tensor<Scalar>) -> Tensor<Scalar>
) -> Tensor<Scalar> {
    valueWithGradient(at: point, in: function).gradient
}

/// The value of a scalar-valued function at a point, with its gradient there: `f(x)`, `∇f(x)`.
///
/// Both come from one evaluation of the function, so this is cheaper than calling it and then
/// ``gradient(at:in:)``. The value is a constant (detached) scalar tensor.
public func valueWithGradient<Scalar>(
    at point: Tensor<Scalar>, in function: (Tensor<Scalar>) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, gradient: Tensor<Scalar>) {
    let input = point.requiringGradient()
    let value = function(input)
    differentiate(value, for: "gradient(at:in:)")
    return (value.detached(), input.gradient ?? .zeros(shape: point.shape))
}

/// The gradients of a scalar-valued function of two tensors, such as a loss of weights and bias.
///
/// ```swift
/// let (dWeight, dBias) = gradient(at: weight, bias) { w, b in loss(w, b) }
/// ```
public func gradient<Scalar>(
    at first: Tensor<Scalar>, _ second: Tensor<Scalar>,
    in function: (Tensor<Scalar>, Tensor<Scalar>) -> Tensor<Scalar>
) -> (Tensor<Scalar>, Tensor<Scalar>) {
    valueWithGradient(at: first, second, in: function).gradient
}

/// The value of a scalar-valued function of two tensors, with its gradients with respect to each.
public func valueWithGradient<Scalar>(
    at first: Tensor<Scalar>, _ second: Tensor<Scalar>,
    in function: (Tensor<Scalar>, Tensor<Scalar>) -> Tensor<Scalar>
) -> (value: Tensor<Scalar>, gradient: (Tensor<Scalar>, Tensor<Scalar>)) {
    let (firstInput, secondInput) = (first.requiringGradient(), second.requiringGradient())
    let value = function(firstInput, secondInput)
    differentiate(value, for: "gradient(at:_:in:)")
    return (
        value.detached(),
        (
            firstInput.gradient ?? .zeros(shape: first.shape),
            secondInput.gradient ?? .zeros(shape: second.shape)
        )
    )
}

/// Runs `backward()` on a function's result, after checking it is a scalar; a result that
/// records nothing (the function ignored its inputs) has a zero gradient and is left alone.
private func differentiate<Scalar>(_ value: Tensor<Scalar>, for operation: String) {
    guard value.scalarCount == 1 else {
        fatalError(
            "\(operation): the function must return a tensor holding one scalar, "
                + "such as a loss; it returned shape \(value.shape)")
    }
    if value.requiresGradient {
        value.backward()
    }
}
