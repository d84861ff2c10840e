// Elementwise elementary functions, as free functions like their scalar namesakes in the C
// math library: `exp(x)` reads the same for a tensor as for a number. All are differentiable.

/// The natural exponential of every element: `y = e^x`.
public func exp<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.exp(x)
}

/// The natural logarithm of every element: `y = ln x`.
///
/// `ln 0` is `-infinity` and the logarithm of a negative number is NaN, as for scalars.
public func log<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.log(x)
}

/// The square root of every element: `y = √x`.
public func sqrt<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.sqrt(x)
}

/// Every element raised to a constant power: `y = x^p`.
///
/// For example `pow(error, 2)` squares each error.
public func pow<Scalar>(_ x: Tensor<Scalar>, _ exponent: Scalar) -> Tensor<Scalar> {
    Primitive.pow(x, exponent)
}
