/// Layers applied one after another: `y = fₙ(… f₂(f₁(x)))`.
///
/// The layers may be of any types with the same scalar type. Its ``parameters`` are the
/// layers' parameters concatenated in order, so an optimizer updates them all.
///
/// ```swift
/// var generator = SeededGenerator(seed: 1)
/// var model = Sequential<Float>(
///     Dense(inputSize: 64, outputSize: 128, using: &generator), Activation(relu),
///     Dense(inputSize: 128, outputSize: 10, using: &generator))
/// ```
public struct Sequential<Scalar: TensorScalar>: Layer {
    /// The layers, first applied first.
    public var layers: [any Layer<Scalar>]

    /// The layers in the order they are applied.
    public init(_ layers: any Layer<Scalar>...) {
        self.layers = layers
    }

    /// The layers in the order they are applied, as an array.
    public init(layers: [any Layer<Scalar>]) {
        self.layers = layers
    }

    /// Every layer's parameters, in layer order.
    public var parameters: [Tensor<Scalar>] {
        get { layers.flatMap { $0.parameters } }
        set {
            let expected = layers.reduce(0) { $0 + $1.parameters.count }
            guard newValue.count == expected else {
                fatalError(
                    "Sequential.parameters: the layers hold \(expected) parameters, but "
                        + "\(newValue.count) were set")
            }
            var start = 0
            for index in layers.indices {
                let count = layers[index].parameters.count
                layers[index].parameters = Array(newValue[start..<start + count])
                start += count
            }
        }
    }

    /// The input passed through every layer in turn, at inference.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        layers.reduce(input) { x, layer in layer(x) }
    }

    /// The input passed through every layer in turn, each seeing `context`.
    public func callAsFunction(_ input: Tensor<Scalar>, context: inout ForwardContext)
        -> Tensor<Scalar>
    {
        var x = input
        for layer in layers { x = layer(x, context: &context) }
        return x
    }
}
