/// How a primitive's result joins the computation graph.
extension Primitive {
    /// A derivative rule for one input: the gradient of the result in, the input's out.
    typealias Rule = @Sendable (_ outputGradient: T) -> T

    /// Attaches `result` to the graph when any input is tracked; returns it as a constant
    /// otherwise, without building the rules.
    ///
    /// `result` must be detached, and the rules must capture only detached tensors: a rule
    /// that captured a tracked tensor would record its own arithmetic during `backward()`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func record(
        _ operation: String, _ inputs: [T], _ result: T, rules: () -> [Rule]
    ) -> T {
        record(operation, inputs, result) { tracked in
            let rules = rules()
            // An untracked input's gradient is never used: hand on `dy` rather than compute it.
            return { dy in zip(rules, tracked).map { rule, isTracked in isTracked ? rule(dy) : dy }
            }
        }
    }

    /// A derivative rule for every input at once: the gradient of the result in, one gradient
    /// per input out, for a primitive whose inputs' gradients share most of their work (a
    /// whole recurrent sequence, whose backward pass through time serves every weight).
    typealias JointRule = @Sendable (_ outputGradient: T) -> [T]

    /// ``record(_:_:_:rules:)`` with a joint rule, built from which inputs are tracked (the
    /// rule may return anything for an untracked input's gradient: it is never used).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func record(
        _ operation: String, _ inputs: [T], _ result: T, jointRule: (_ tracked: [Bool]) -> JointRule
    ) -> T {
        let detectAnomalies = AnomalyDetection.isEnabled
        if detectAnomalies {
            AnomalyDetection.check(operation, phase: "(forward)", inputs: inputs, result: result)
        }
        // A closure, not the key path `\.node`: in generic code a key path is built at run time.
        let inputNodes = inputs.map { $0.node }
        guard inputNodes.contains(where: { $0 != nil }) else { return result }
        let rule = jointRule(inputNodes.map { $0 != nil })
        let node = GradientNode(operation: operation, inputs: inputNodes) { dy in
            // The rule's own arithmetic is not checked op by op: the rule as a whole is, below,
            // so that a bad gradient is blamed on the operation whose derivative it is.
            guard detectAnomalies else { return rule(dy) }
            let gradients = AnomalyDetection.$isEnabled.withValue(false) { rule(dy) }
            for gradient in gradients {
                AnomalyDetection.check(
                    operation, phase: "(its derivative, in backward())", inputs: [dy],
                    result: gradient)
            }
            return gradients
        }
        return T(shape: result.shape, scalars: result.scalars, node: node)
    }

    /// A primitive of one input, elementwise: `y = f(x)`, with `dx = derivative(x, y, dy)`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func unary(
        _ operation: String, _ x: T, _ function: UnaryOperation<Scalar>,
        derivative: @escaping @Sendable (_ x: T, _ y: T, _ dy: T) -> T
    ) -> T {
        let y = x.mapped(function)
        return record(operation, [x], y) {
            let input = x.detached()
            return [{ dy in derivative(input, y, dy) }]
        }
    }

    /// A primitive of two inputs that broadcast: `y = f(a, b)`, each rule giving that input's
    /// gradient at the broadcast shape, which is then summed back to the input's own shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func binary(
        _ operation: String, _ a: T, _ b: T, _ function: BinaryOperation,
        da: @escaping @Sendable (_ a: T, _ b: T, _ y: T, _ dy: T) -> T,
        db: @escaping @Sendable (_ a: T, _ b: T, _ y: T, _ dy: T) -> T
    ) -> T {
        let shape = Shape.broadcast(a.shape, b.shape, for: operation)
        let y = T(
            shape: shape, scalars: ElementwiseKernel.combine(a, b, function, shape: shape),
            node: nil)
        return record(operation, [a, b], y) {
            let (left, right) = (a.detached(), b.detached())
            return [
                { dy in da(left, right, y, dy).summed(toShape: left.shape) },
                { dy in db(left, right, y, dy).summed(toShape: right.shape) },
            ]
        }
    }
}
