extension Tensor {
    /// Whether operations on this tensor are recorded, so that it can receive a gradient.
    ///
    /// True for tensors made with `requiresGradient: true` and for every result computed from
    /// at least one of them.
    public var requiresGradient: Bool { node != nil }

    /// The gradient of the results of every ``backward()`` so far with respect to this tensor.
    ///
    /// `nil` until a `backward()` reaches this tensor, and always for a tensor that does not
    /// require a gradient. Gradients *accumulate*: a second `backward()` adds to the first, as
    /// in PyTorch; call ``clearGradient()`` between steps that should not add up.
    public var gradient: Tensor? { node?.gradient }

    /// Forgets the gradient accumulated by earlier calls to ``backward()``.
    public func clearGradient() {
        node?.clearGradient()
    }

    /// The same values as a constant: operations on the result are not recorded.
    public func detached() -> Tensor {
        Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// The same values as a new leaf that requires a gradient, cut from any earlier graph.
    ///
    /// This is how a parameter is updated in a training step:
    /// `weight = (weight - learningRate * weight.gradient!).requiringGradient()`.
    public func requiringGradient() -> Tensor {
        Tensor(shape: shape, scalars: scalars, node: .leaf())
    }

    /// Computes the gradient of this scalar with respect to every tensor it depends on.
    ///
    /// Reverse-mode automatic differentiation: the graph recorded while computing this tensor
    /// is sorted so that every tensor comes after the tensors it was computed from; then, walking
    /// it backwards from this tensor, whose gradient with respect to itself is 1, each operation's
    /// derivative rule hands the gradient of its result on to its inputs. A tensor used by
    /// several operations receives the sum of their contributions. Each tensor on the way adds
    /// what it received to its ``gradient``.
    ///
    /// The tensor must hold exactly one scalar (a loss), and must require a gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward() {
        guard scalarCount == 1 else {
            fatalError(
                "backward(): needs a tensor holding one scalar, such as a loss; "
                    + "this one has shape \(shape)")
        }
        guard let node else {
            fatalError(
                "backward(): this tensor does not depend on any tensor made with "
                    + "requiresGradient: true, so there is nothing to differentiate")
        }
        var pending = [ObjectIdentifier(node): Tensor.ones(shape: shape)]
        for current in Self.topologicalOrder(from: node).reversed() {
            guard let outputGradient = pending.removeValue(forKey: ObjectIdentifier(current))
            else { continue }
            current.accumulate(outputGradient)
            guard let pullback = current.pullback else { continue }
            let inputGradients = pullback(outputGradient)
            for (input, inputGradient) in zip(current.inputs, inputGradients) {
                guard let input else { continue }
                let key = ObjectIdentifier(input)
                if let earlier = pending[key] {
                    pending[key] = earlier + inputGradient
                } else {
                    pending[key] = inputGradient
                }
            }
        }
    }

    /// The nodes `root` depends on, itself included, each after all of its inputs.
    ///
    /// A depth-first search that appends a node once all its inputs are appended; it keeps its
    /// own stack rather than recursing, so a long chain of operations cannot overflow the
    /// call stack.
    private static func topologicalOrder(from root: GradientNode<Scalar>) -> [GradientNode<Scalar>]
    {
        var order: [GradientNode<Scalar>] = []
        var visited: Set<ObjectIdentifier> = []
        var stack: [(node: GradientNode<Scalar>, inputsDone: Bool)] = [(root, false)]
        while let (node, inputsDone) = stack.popLast() {
            if inputsDone {
                order.append(node)
                continue
            }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for case let input? in node.inputs where !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }
}
