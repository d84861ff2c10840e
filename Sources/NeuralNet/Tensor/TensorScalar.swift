/// A floating-point type a ``Tensor`` can hold: `Float` or `Double`.
///
/// The protocol asks each conforming type for the few elementary functions the library needs and
/// the standard library does not give (`squareRoot()` it does give). `Float` and `Double`
/// answer with the C math library's own `expf`/`exp`, `logf`/`log`, and so on, so no function
/// here is a slow generic approximation: generic code calls straight into the type's own routine.
///
/// Conform a new type only if it is a binary floating-point type with IEEE 754 semantics; the
/// derivative rules and the printing assume it. It must also be a `SIMDScalar`, as `Float` and
/// `Double` are: the kernels run their element-wise loops on `SIMD8` vectors of it.
public protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    /// The natural exponential, `e^x`.
    static func exp(_ x: Self) -> Self
    /// The natural logarithm, `ln x`; `-infinity` at 0 and NaN below 0.
    static func log(_ x: Self) -> Self
    /// The hyperbolic tangent, `(e^x - e^-x) / (e^x + e^-x)`.
    static func tanh(_ x: Self) -> Self
    /// `x` raised to the power `y`.
    static func pow(_ x: Self, _ y: Self) -> Self
}
