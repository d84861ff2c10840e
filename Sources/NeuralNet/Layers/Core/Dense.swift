/// A fully connected layer: `y = x·W + b`.
///
/// `x` has shape `[batch, inputSize]` (or any `[…, inputSize]`), the weight `W` shape
/// `[inputSize, outputSize]` and the bias `b` shape `[outputSize]`; `y` has shape
/// `[…, outputSize]`. The bias is added to every row. No activation is applied: follow the
/// layer with an ``Activation`` in a ``Sequential``.
public struct Dense<Scalar: TensorScalar>: Layer {
    /// The weight `W`, `[inputSize, outputSize]`.
    public var weight: Tensor<Scalar>
    /// The bias `b`, `[outputSize]`.
    public var bias: Tensor<Scalar>

    /// A layer with Glorot-uniform weights drawn from `generator` and zero bias.
    public init(
        inputSize: Int, outputSize: Int, using generator: inout some RandomNumberGenerator
    ) {
        weight = .glorotUniform(shape: [inputSize, outputSize], using: &generator)
        bias = .zeros(shape: [outputSize])
    }

    /// A layer with the given weight `[inputSize, outputSize]` and bias `[outputSize]`.
    public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>) {
        guard weight.rank == 2, bias.shape == [weight.shape[1]] else {
            fatalError(
                "Dense(weight:bias:): weight \(weight.shape) needs shape [inputSize, outputSize] "
                    + "and bias \(bias.shape) shape [outputSize]")
        }
        self.weight = weight
        self.bias = bias
    }

    /// The number of input features.
    public var inputSize: Int { weight.shape[0] }
    /// The number of output features.
    public var outputSize: Int { weight.shape[1] }

    /// The weight and the bias, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [weight, bias] }
        set { (weight, bias) = (newValue[0], newValue[1]) }
    }

    /// `x·W + b`.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        guard input.rank >= 1, input.shape[input.rank - 1] == inputSize else {
            fatalError(
                "Dense: input of shape \(input.shape) needs \(inputSize) features in its last "
                    + "dimension (weight shape \(weight.shape))")
        }
        return denseProduct(input, weight) + bias
    }
}
