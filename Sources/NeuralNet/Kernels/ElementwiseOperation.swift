/// The elementwise functions of one tensor the kernels compute in tight loops.
///
/// Naming the function as a case, rather than passing a closure, lets ``ElementwiseKernel``
/// pick the loop once per tensor and run it on concrete `Float` or `Double` arithmetic.
enum UnaryOperation<Scalar: TensorScalar>: Sendable {
    case negate
    case exp
    case log
    case squareRoot
    case power(Scalar)
    case tanh
    case sigmoid
    case relu
    /// 1 where the input is positive, else 0: the derivative of ReLU.
    case positiveStep
    case leakyRelu(negativeSlope: Scalar)
    /// The derivative of leaky ReLU: 1 where the input is positive, else the slope.
    case leakyReluSlope(negativeSlope: Scalar)
    case elu(alpha: Scalar)
    /// The derivative of ELU: 1 where the input is positive, else `α·eˣ`.
    case eluSlope(alpha: Scalar)
}

/// The elementwise functions of two tensors, which broadcast.
enum BinaryOperation: Sendable {
    case add
    case subtract
    case multiply
    case divide
    case maximum
    case minimum
    /// 1 where `a == b`, else 0; likewise for the other comparisons.
    case equal
    case notEqual
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual
}

extension UnaryOperation {
    /// The function applied to one scalar.
    @inline(__always)
    func callAsFunction(_ x: Scalar) -> Scalar {
        switch self {
        case .negate: return -x
        case .exp: return Scalar.exp(x)
        case .log: return Scalar.log(x)
        case .squareRoot: return x.squareRoot()
        case .power(let exponent): return Scalar.pow(x, exponent)
        case .tanh: return Scalar.tanh(x)
        case .sigmoid:
            // Never forms e^x for large x: e^-x for x ≥ 0, e^x for x < 0.
            if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
            let e = Scalar.exp(x)
            return e / (1 + e)
        case .relu: return x > 0 || x.isNaN ? x : 0
        case .positiveStep: return x > 0 ? 1 : 0
        case .leakyRelu(let slope): return x > 0 || x.isNaN ? x : slope * x
        case .leakyReluSlope(let slope): return x > 0 ? 1 : slope
        case .elu(let alpha): return x > 0 || x.isNaN ? x : alpha * (Scalar.exp(x) - 1)
        case .eluSlope(let alpha): return x > 0 ? 1 : alpha * Scalar.exp(x)
        }
    }
}

extension BinaryOperation {
    /// The function applied to one pair of scalars.
    @inline(__always)
    func callAsFunction<Scalar: TensorScalar>(_ a: Scalar, _ b: Scalar) -> Scalar {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .maximum: return a >= b || a.isNaN ? a : b
        case .minimum: return a <= b || a.isNaN ? a : b
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .less: return a < b ? 1 : 0
        case .lessOrEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterOrEqual: return a >= b ? 1 : 0
        }
    }
}
