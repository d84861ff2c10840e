// Activation functions: the elementwise nonlinearities between the layers of a network.
// Their derivative rules live with the other primitives, in `Autodiff/Primitives.swift`.

/// The logistic sigmoid of every element: `σ(x) = 1 / (1 + e^-x)`.
///
/// It squashes any number into (0, 1); `σ(0) = 0.5` and `σ(-x) = 1 - σ(x)`. Its derivative is
/// `σ'(x) = σ(x)(1 - σ(x))`, at most 0.25, at `x = 0`.
///
/// Computed without overflow for any input: for `x < 0` it uses the equal form
/// `e^x / (1 + e^x)`, so `sigmoid(-1000)` is 0 and `sigmoid(1000)` is 1, never NaN.
public func sigmoid<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.sigmoid(x)
}

/// The logistic sigmoid of one number, as the tensor version computes it (so `sigmoid(3)` in a
/// notebook cell is the value a layer would use): `sigmoid(3)` is 0.9525741268224334.
public func sigmoid(_ x: Double) -> Double {
    sigmoid(Tensor<Double>(scalar: x)).scalar
}

/// The hyperbolic tangent of every element: `tanh x = (e^x - e^-x) / (e^x + e^-x)`.
///
/// It squashes any number into (-1, 1) and is zero-centred: `tanh x = 2σ(2x) - 1`. Its
/// derivative is `tanh' x = 1 - tanh² x`, at most 1, at `x = 0`.
public func tanh<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.tanh(x)
}

/// The rectified linear unit of every element: `relu(x) = max(0, x)`.
///
/// Its derivative is 1 for `x > 0` and 0 for `x < 0`. At exactly `x = 0` the function has no
/// derivative; this library uses **0** there, as PyTorch and TensorFlow do, so
/// `gradient(at: Tensor([0.0])) { relu($0).sum() }` is `[0.0000]`. NaN stays NaN.
public func relu<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.relu(x)
}

/// The leaky rectified linear unit of every element: `y = x` for `x > 0`, else `αx`.
///
/// A small slope `α` (`negativeSlope`, 0.01 by default, as in PyTorch) for negative inputs
/// keeps a gradient flowing where ReLU's would be zero. Its derivative is 1 for `x > 0` and
/// `α` otherwise (so `α` at exactly 0, as ReLU's is 0 there).
public func leakyRelu<Scalar>(_ x: Tensor<Scalar>, negativeSlope: Scalar = 0.01)
    -> Tensor<Scalar>
{
    Primitive.leakyRelu(x, negativeSlope: negativeSlope)
}

/// The exponential linear unit of every element: `y = x` for `x > 0`, else `α(eˣ - 1)`.
///
/// Smooth for `α = 1` (the default), and it saturates at `-α` for very negative inputs. Its
/// derivative is 1 for `x > 0` and `αeˣ` otherwise.
public func elu<Scalar>(_ x: Tensor<Scalar>, alpha: Scalar = 1) -> Tensor<Scalar> {
    Primitive.elu(x, alpha: alpha)
}
