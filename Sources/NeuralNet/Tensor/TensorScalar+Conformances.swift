#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

extension Float: TensorScalar {
    /// The natural exponential, `e^x`, from the C math library.
    public static func exp(_ x: Float) -> Float { cExp(x) }
    /// The natural logarithm, `ln x`, from the C math library.
    public static func log(_ x: Float) -> Float { cLog(x) }
    /// The hyperbolic tangent, from the C math library.
    public static func tanh(_ x: Float) -> Float { cTanh(x) }
    /// `x` raised to the power `y`, from the C math library.
    public static func pow(_ x: Float, _ y: Float) -> Float { cPow(x, y) }
}

extension Double: TensorScalar {
    /// The natural exponential, `e^x`, from the C math library.
    public static func exp(_ x: Double) -> Double { cExp(x) }
    /// The natural logarithm, `ln x`, from the C math library.
    public static func log(_ x: Double) -> Double { cLog(x) }
    /// The hyperbolic tangent, from the C math library.
    public static func tanh(_ x: Double) -> Double { cTanh(x) }
    /// `x` raised to the power `y`, from the C math library.
    public static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
}

// Inside the extensions above, `exp` names the static member itself, so the C functions are
// reached through these file-scope forwarders, where the unqualified names mean the C library.
private func cExp(_ x: Float) -> Float { exp(x) }
private func cExp(_ x: Double) -> Double { exp(x) }
private func cLog(_ x: Float) -> Float { log(x) }
private func cLog(_ x: Double) -> Double { log(x) }
private func cTanh(_ x: Float) -> Float { tanh(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cPow(_ x: Float, _ y: Float) -> Float { pow(x, y) }
private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
