/// The closed set of primitive operations, each with its derivative rule.
///
/// Every differentiable operation in the library is one of these or is built from them, so this
/// file is the whole of the calculus the library knows. Each entry computes its result from the
/// scalars of its inputs and states its rule as a *pullback*: given `dy`, the gradient of the
/// loss with respect to the result `y`, it returns the gradient with respect to each input.
/// The chain rule is that simple: `dL/dx = dL/dy * dy/dx`.
///
/// Rules receive their inputs and result detached from the graph, so the arithmetic inside a
/// rule records nothing; this library computes first derivatives only.
enum Primitive<Scalar: TensorScalar> {
    typealias T = Tensor<Scalar>

    // MARK: - Binary, elementwise on equal shapes

    /// `y = a + b`; `dy/da = 1`, `dy/db = 1`.
    static func add(_ a: T, _ b: T) -> T {
        binary("add", a, b, forward: +, derivative: { _, _, _, dy in (dy, dy) })
    }

    /// `y = a - b`; `dy/da = 1`, `dy/db = -1`.
    static func subtract(_ a: T, _ b: T) -> T {
        binary("subtract", a, b, forward: -, derivative: { _, _, _, dy in (dy, -dy) })
    }

    /// `y = a * b`; `dy/da = b`, `dy/db = a`.
    static func multiply(_ a: T, _ b: T) -> T {
        binary("multiply", a, b, forward: *, derivative: { a, b, _, dy in (dy * b, dy * a) })
    }

    /// `y = a / b`; `dy/da = 1 / b`, `dy/db = -a / b² = -y / b`.
    static func divide(_ a: T, _ b: T) -> T {
        binary("divide", a, b, forward: /, derivative: { _, b, y, dy in (dy / b, -dy * y / b) })
    }

    // MARK: - Unary, elementwise

    /// `y = -x`; `dy/dx = -1`.
    static func negate(_ x: T) -> T {
        unary("negate", x, forward: { -$0 }, derivative: { _, _, dy in -dy })
    }

    /// `y = e^x`; `dy/dx = e^x = y`.
    static func exp(_ x: T) -> T {
        unary("exp", x, forward: Scalar.exp, derivative: { _, y, dy in dy * y })
    }

    /// `y = ln x`; `dy/dx = 1 / x`.
    static func log(_ x: T) -> T {
        unary("log", x, forward: Scalar.log, derivative: { x, _, dy in dy / x })
    }

    /// `y = √x`; `dy/dx = 1 / (2√x) = 1 / (2y)`.
    static func sqrt(_ x: T) -> T {
        unary("sqrt", x, forward: { $0.squareRoot() }, derivative: { _, y, dy in dy / (2 * y) })
    }

    /// `y = x^p` for a constant `p`; `dy/dx = p·x^(p-1)`.
    static func pow(_ x: T, _ exponent: Scalar) -> T {
        unary(
            "pow", x, forward: { Scalar.pow($0, exponent) },
            derivative: { x, _, dy in dy * (exponent * pow(x, exponent - 1)) })
    }

    /// `y = tanh x`; `dy/dx = 1 - tanh² x = 1 - y²`.
    static func tanh(_ x: T) -> T {
        unary("tanh", x, forward: Scalar.tanh, derivative: { _, y, dy in dy * (1 - y * y) })
    }

    /// `y = σ(x) = 1 / (1 + e^-x)`; `dy/dx = σ(x)(1 - σ(x)) = y(1 - y)`.
    static func sigmoid(_ x: T) -> T {
        unary("sigmoid", x, forward: stableSigmoid, derivative: { _, y, dy in dy * y * (1 - y) })
    }

    /// `y = max(0, x)`; `dy/dx = 1` for `x > 0` and `0` for `x ≤ 0`, so `0` at exactly 0.
    static func relu(_ x: T) -> T {
        unary(
            "relu", x, forward: { $0 > 0 || $0.isNaN ? $0 : 0 },
            derivative: { x, _, dy in dy * x.mapScalars { $0 > 0 ? 1 : 0 } })
    }

    // MARK: - Reduction

    /// `y = Σᵢ xᵢ`, a scalar tensor; `dy/dxᵢ = 1`, so every element receives `dy`.
    static func sum(_ x: T) -> T {
        let total = x.scalars.reduce(0, +)
        let shape = x.shape
        return record("sum", inputs: [x], T(shape: [], scalars: [total], node: nil)) { dy in
            [T(repeating: dy.scalar, shape: shape)]
        }
    }

    // MARK: - Scalar kernels

    /// The logistic function computed without overflow: `e^-x` is formed only for `x ≥ 0` and
    /// `e^x` only for `x < 0`, so the exponential never exceeds 1.
    private static func stableSigmoid(_ x: Scalar) -> Scalar {
        if x >= 0 {
            return 1 / (1 + Scalar.exp(-x))
        }
        let e = Scalar.exp(x)
        return e / (1 + e)
    }

    // MARK: - Building results

    /// A primitive of one input, computed scalar by scalar.
    private static func unary(
        _ operation: String, _ x: T, forward: (Scalar) -> Scalar,
        derivative: @escaping @Sendable (_ x: T, _ y: T, _ dy: T) -> T
    ) -> T {
        let y = T(shape: x.shape, scalars: x.scalars.map(forward), node: nil)
        let input = x.detached()
        return record(operation, inputs: [x], y) { dy in [derivative(input, y, dy)] }
    }

    /// A primitive of two inputs of equal shape, computed pair by pair.
    private static func binary(
        _ operation: String, _ a: T, _ b: T, forward: (Scalar, Scalar) -> Scalar,
        derivative: @escaping @Sendable (_ a: T, _ b: T, _ y: T, _ dy: T) -> (T, T)
    ) -> T {
        Shape.requireEqual(a.shape, b.shape, for: operation)
        let scalars = zip(a.scalars, b.scalars).map { forward($0, $1) }
        let y = T(shape: a.shape, scalars: scalars, node: nil)
        let (left, right) = (a.detached(), b.detached())
        return record(operation, inputs: [a, b], y) { dy in
            let (da, db) = derivative(left, right, y, dy)
            return [da, db]
        }
    }

    /// Attaches `result` to the graph when any input is tracked; a constant result otherwise.
    ///
    /// `result` must be detached: the rule captures it, and a tracked result would keep its own
    /// node alive through its pullback.
    private static func record(
        _ operation: String, inputs: [T], _ result: T,
        pullback: @escaping GradientNode<Scalar>.Pullback
    ) -> T {
        let inputNodes = inputs.map(\.node)
        guard inputNodes.contains(where: { $0 != nil }) else { return result }
        let node = GradientNode(operation: operation, inputs: inputNodes, pullback: pullback)
        return T(shape: result.shape, scalars: result.scalars, node: node)
    }
}
