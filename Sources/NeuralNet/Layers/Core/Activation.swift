/// A layer that applies an elementwise function, such as ``relu(_:)``: `y = f(x)`.
///
/// It has no parameters; it lets a ``Sequential`` list activations between its layers:
/// `Activation<Float>(relu)`.
public struct Activation<Scalar: TensorScalar>: Layer {
    /// The function applied.
    public let function: (Tensor<Scalar>) -> Tensor<Scalar>

    /// A layer that applies `function`.
    public init(_ function: @escaping (Tensor<Scalar>) -> Tensor<Scalar>) {
        self.function = function
    }

    /// None.
    public var parameters: [Tensor<Scalar>] {
        get { [] }
        set { requireNoParameters(newValue, for: "Activation") }
    }

    /// `f(x)`.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        function(input)
    }
}

/// Stops unless a layer without parameters is given none.
func requireNoParameters<Scalar>(_ parameters: [Tensor<Scalar>], for layer: String) {
    guard parameters.isEmpty else {
        fatalError("\(layer).parameters: has no parameters, but \(parameters.count) were set")
    }
}
