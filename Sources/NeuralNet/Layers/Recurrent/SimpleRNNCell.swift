/// The Elman recurrent cell: `hₜ = tanh(xₜ·W + hₜ₋₁·U + b)`; the output is `hₜ`.
///
/// `W` is `[inputSize, hiddenSize]`, `U` `[hiddenSize, hiddenSize]`, `b` `[hiddenSize]`
/// (the `x·W` layout of ``Dense``). Backpropagation through time multiplies the gradient by
/// `Uᵀ` and by `1 - h²` at every step, which is why it vanishes (or explodes) over long
/// sequences.
public struct SimpleRNNCell<Scalar: TensorScalar>: RecurrentCell {
    /// The input weight `W`, `[inputSize, hiddenSize]`.
    public var inputWeight: Tensor<Scalar>
    /// The recurrent weight `U`, `[hiddenSize, hiddenSize]`.
    public var recurrentWeight: Tensor<Scalar>
    /// The bias `b`, `[hiddenSize]`.
    public var bias: Tensor<Scalar>

    /// A cell with Glorot-uniform weights drawn from `generator` and zero bias.
    public init(
        inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator
    ) {
        inputWeight = .glorotUniform(shape: [inputSize, hiddenSize], using: &generator)
        recurrentWeight = .glorotUniform(shape: [hiddenSize, hiddenSize], using: &generator)
        bias = .zeros(shape: [hiddenSize])
    }

    /// The number of input features.
    public var inputSize: Int { inputWeight.shape[0] }
    /// The number of hidden units.
    public var hiddenSize: Int { inputWeight.shape[1] }

    /// `W`, `U` and `b`, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [inputWeight, recurrentWeight, bias] }
        set { (inputWeight, recurrentWeight, bias) = (newValue[0], newValue[1], newValue[2]) }
    }

    /// Zeros, `[batchSize, hiddenSize]`.
    public func zeroState(batchSize: Int) -> Tensor<Scalar> {
        .zeros(shape: [batchSize, hiddenSize])
    }

    /// `hₜ = tanh(xₜ·W + hₜ₋₁·U + b)`, both as output and as the next state.
    public func callAsFunction(_ input: Tensor<Scalar>, state: Tensor<Scalar>) -> (
        output: Tensor<Scalar>, state: Tensor<Scalar>
    ) {
        requireInput(input, batch: state.shape[0], for: "SimpleRNNCell")
        let hidden = tanh(
            denseProduct(input, inputWeight) + denseProduct(state, recurrentWeight) + bias)
        return (hidden, hidden)
    }
}
