/// A layer that flattens every sample to a vector: `[batch, d₁, d₂, …] → [batch, d₁·d₂·…]`.
///
/// The elements keep their row-major order, so a `[batch, height, width, channels]` image
/// becomes rows in `(height, width, channel)` order.
public struct Flatten<Scalar: TensorScalar>: Layer {
    /// A flattening layer.
    public init() {}

    /// None.
    public var parameters: [Tensor<Scalar>] {
        get { [] }
        set { requireNoParameters(newValue, for: "Flatten") }
    }

    /// The input reshaped to `[batch, -1]`.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        guard input.rank >= 1 else {
            fatalError("Flatten: input of shape \(input.shape) has no batch dimension")
        }
        return input.reshaped(to: [input.shape[0], input.scalarCount / max(input.shape[0], 1)])
    }
}
