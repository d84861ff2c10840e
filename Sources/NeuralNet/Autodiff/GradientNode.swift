/// A tensor's place in the graph of a differentiable computation.
///
/// Each operation on a tracked tensor makes one node for its result. The node remembers the
/// nodes of the operation's inputs and the operation's *pullback*: the derivative rule that turns
/// the gradient of the result into the gradients of the inputs. Leaves, the tensors made with
/// `requiresGradient: true`, have no inputs and no pullback.
///
/// The graph is immutable once built, except for the gradient each node accumulates during
/// ``Tensor/backward()``; a lock guards that one field, so nodes, and tensors, are `Sendable`.
final class GradientNode<Scalar: TensorScalar>: @unchecked Sendable {
    // @unchecked: every stored property is an immutable Sendable value except
    // `accumulatedGradient`, which is read and written only under `lock`.

    /// A derivative rule: the gradient of an operation's result in, its inputs' gradients out.
    typealias Pullback = @Sendable (_ outputGradient: Tensor<Scalar>) -> [Tensor<Scalar>]

    /// The operation that produced the tensor, such as `"multiply"`, or `"leaf"`.
    let operation: String
    /// The nodes of the operation's inputs, in order; `nil` for an input that is a constant.
    let inputs: [GradientNode?]
    /// The derivative rule, giving one gradient per input; `nil` for a leaf.
    let pullback: Pullback?

    private let lock = Lock()
    private var accumulatedGradient: Tensor<Scalar>?

    init(operation: String, inputs: [GradientNode?], pullback: Pullback?) {
        self.operation = operation
        self.inputs = inputs
        self.pullback = pullback
    }

    /// A node for a tensor made with `requiresGradient: true`.
    static func leaf() -> GradientNode {
        GradientNode(operation: "leaf", inputs: [], pullback: nil)
    }

    /// The sum of the gradients of every `backward()` that reached this node, if any did.
    var gradient: Tensor<Scalar>? {
        lock.withLock { accumulatedGradient }
    }

    /// Adds one more contribution to the gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func accumulate(_ contribution: Tensor<Scalar>) {
        lock.withLock {
            if let sum = accumulatedGradient {
                accumulatedGradient = sum + contribution
            } else {
                accumulatedGradient = contribution
            }
        }
    }

    /// Forgets the accumulated gradient.
    func clearGradient() {
        lock.withLock { accumulatedGradient = nil }
    }
}
