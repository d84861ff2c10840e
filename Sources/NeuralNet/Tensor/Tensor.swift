/// An n-dimensional array of numbers that can take part in automatic differentiation.
///
/// A tensor is a value: its `shape` and its `scalars`, stored contiguously in row-major order
/// (the last index varies fastest). A tensor of shape `[2, 3]` holds six scalars, the first row
/// then the second; a tensor of shape `[]` holds one scalar and is called a scalar tensor.
///
/// A tensor made with `requiresGradient: true` is a *leaf* of a computation graph: every
/// operation on it records, in its result, how to carry a gradient back to it. Calling
/// ``backward()`` on a scalar result fills ``gradient`` of every tensor the result depends on.
///
/// ```swift
/// let x = Tensor<Double>([-2, -1, 0, 1, 2], requiresGradient: true)
/// let y = sigmoid(x).sum()
/// y.backward()
/// print(x.gradient!)  // [0.1050, 0.1966, 0.2500, 0.1966, 0.1050]
/// ```
public struct Tensor<Scalar: TensorScalar>: Sendable {
    /// The size of each dimension; `[]` for a scalar tensor.
    public let shape: [Int]
    /// The elements in row-major order; there are as many as the product of `shape`.
    public let scalars: [Scalar]
    /// This tensor's place in a computation graph, or `nil` for a constant.
    let node: GradientNode<Scalar>?

    /// Makes a tensor from its parts; the one initialiser every other goes through.
    init(shape: [Int], scalars: [Scalar], node: GradientNode<Scalar>?) {
        _ = MemoryPolicy.applied
        self.shape = shape
        self.scalars = scalars
        self.node = node
    }

    /// Makes a tensor of the given shape from scalars listed in row-major order.
    ///
    /// - Parameters:
    ///   - scalars: The elements, the last index varying fastest.
    ///   - shape: The size of each dimension; its product must equal `scalars.count`.
    ///   - requiresGradient: Whether to record operations on this tensor so that ``backward()``
    ///     can fill its ``gradient``.
    public init(_ scalars: [Scalar], shape: [Int], requiresGradient: Bool = false) {
        let count = Shape.scalarCount(shape, for: "Tensor(_:shape:)")
        guard count == scalars.count else {
            fatalError(
                "Tensor(_:shape:): shape \(shape) holds \(count) scalars, "
                    + "but \(scalars.count) were given")
        }
        self.init(
            shape: shape, scalars: scalars,
            node: requiresGradient ? GradientNode.leaf() : nil)
    }

    /// Makes a one-dimensional tensor (a vector) from an array.
    public init(_ scalars: [Scalar], requiresGradient: Bool = false) {
        self.init(scalars, shape: [scalars.count], requiresGradient: requiresGradient)
    }

    /// Makes a scalar tensor, of shape `[]`.
    public init(scalar: Scalar, requiresGradient: Bool = false) {
        self.init([scalar], shape: [], requiresGradient: requiresGradient)
    }

    /// Makes a tensor of the given shape with every element equal to `value`.
    public init(repeating value: Scalar, shape: [Int], requiresGradient: Bool = false) {
        let count = Shape.scalarCount(shape, for: "Tensor(repeating:shape:)")
        self.init(
            Array(repeating: value, count: count), shape: shape,
            requiresGradient: requiresGradient)
    }

    /// A tensor of the given shape filled with zeros.
    public static func zeros(shape: [Int], requiresGradient: Bool = false) -> Tensor {
        Tensor(repeating: 0, shape: shape, requiresGradient: requiresGradient)
    }

    /// A tensor of the given shape filled with ones.
    public static func ones(shape: [Int], requiresGradient: Bool = false) -> Tensor {
        Tensor(repeating: 1, shape: shape, requiresGradient: requiresGradient)
    }

    /// The number of dimensions: 0 for a scalar tensor, 1 for a vector, 2 for a matrix.
    public var rank: Int { shape.count }

    /// The number of elements, the product of `shape`.
    public var scalarCount: Int { scalars.count }

    /// The single element of a tensor that holds exactly one, such as the result of `sum()`.
    public var scalar: Scalar {
        guard scalars.count == 1 else {
            fatalError("scalar: a tensor of shape \(shape) holds \(scalars.count) scalars, not 1")
        }
        return scalars[0]
    }
}

extension Tensor {
    /// A constant tensor of the same shape with `transform` applied to each element.
    ///
    /// Not differentiable: the result records nothing. For derivative rules and tests.
    func mapScalars(_ transform: (Scalar) -> Scalar) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform), node: nil)
    }

    /// A constant tensor of the same shape with a kernel function applied to each element.
    func mapped(_ function: UnaryOperation<Scalar>) -> Tensor {
        Tensor(shape: shape, scalars: ElementwiseKernel.map(scalars, function), node: nil)
    }

    /// A constant tensor of the same scalars in another shape with the same count.
    func withShape(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars, node: nil)
    }
}

extension Tensor: Equatable {
    /// Whether two tensors have the same shape and the same scalars (`==` on each, so a NaN
    /// is never equal); whether they require a gradient does not matter.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}
