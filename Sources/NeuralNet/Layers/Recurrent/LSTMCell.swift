/// The long short-term memory cell (Hochreiter and Schmidhuber 1997, with the forget gate of
/// Gers, Schmidhuber and Cummins 2000, no peepholes), as PyTorch and Keras compute it:
///
/// ```
/// [aᵢ aᶠ aᵍ aᵒ] = xₜ·W + hₜ₋₁·U + b
/// iₜ = σ(aᵢ)   fₜ = σ(aᶠ)   gₜ = tanh(aᵍ)   oₜ = σ(aᵒ)
/// cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ
/// hₜ = oₜ ⊙ tanh(cₜ)
/// ```
///
/// These are equations (3.14)–(3.19) of chapter 3 (section 3.3.1.1), with row vectors.
///
/// `W` is `[inputSize, 4·hiddenSize]` and `U` `[hiddenSize, 4·hiddenSize]`, their columns in
/// PyTorch's gate order input, forget, cell candidate, output; `b` is `[4·hiddenSize]`. The
/// output is `hₜ`. The additive update of `cₜ` lets the gradient pass along the memory
/// multiplied only by the forget gates, which is how the cell learns long dependencies.
///
/// A step is one fused primitive with its own derivative rule (see `LSTMCell+Primitive.swift`),
/// so calling the cell step by step records one operation per step, not sixteen; and
/// ``unroll(_:from:)``, which ``RecurrentLayer`` calls, runs the whole sequence as a single
/// primitive (`LSTMSequence+Primitive.swift`).
public struct LSTMCell<Scalar: TensorScalar>: RecurrentCell {
    /// The input weight `W`, `[inputSize, 4·hiddenSize]`.
    public var inputWeight: Tensor<Scalar>
    /// The recurrent weight `U`, `[hiddenSize, 4·hiddenSize]`.
    public var recurrentWeight: Tensor<Scalar>
    /// The bias `b`, `[4·hiddenSize]`.
    public var bias: Tensor<Scalar>

    /// A cell with Glorot-uniform weights drawn from `generator`, and a bias of 0 except the
    /// forget gate's, which starts at 1 (Jozefowicz et al. 2015; Keras's `unit_forget_bias`),
    /// so the memory is kept by default.
    public init(
        inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator
    ) {
        inputWeight = .glorotUniform(shape: [inputSize, 4 * hiddenSize], using: &generator)
        recurrentWeight = .glorotUniform(
            shape: [hiddenSize, 4 * hiddenSize], using: &generator)
        bias = Tensor(
            (0..<(4 * hiddenSize)).map { $0 / hiddenSize == 1 ? 1 : 0 }, shape: [4 * hiddenSize])
    }

    /// A cell with the given weights and bias.
    public init(inputWeight: Tensor<Scalar>, recurrentWeight: Tensor<Scalar>, bias: Tensor<Scalar>)
    {
        let hiddenSize = recurrentWeight.shape.first ?? 0
        guard inputWeight.rank == 2, inputWeight.shape[1] == 4 * hiddenSize,
            recurrentWeight.shape == [hiddenSize, 4 * hiddenSize], bias.shape == [4 * hiddenSize]
        else {
            fatalError(
                "LSTMCell: weights \(inputWeight.shape), \(recurrentWeight.shape) and bias "
                    + "\(bias.shape) need [inputSize, 4h], [h, 4h] and [4h]")
        }
        self.inputWeight = inputWeight
        self.recurrentWeight = recurrentWeight
        self.bias = bias
    }

    /// The number of input features.
    public var inputSize: Int { inputWeight.shape[0] }
    /// The number of hidden units.
    public var hiddenSize: Int { recurrentWeight.shape[0] }

    /// `W`, `U` and `b`, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [inputWeight, recurrentWeight, bias] }
        set { (inputWeight, recurrentWeight, bias) = (newValue[0], newValue[1], newValue[2]) }
    }

    /// `h = c = 0`.
    public func zeroState(batchSize: Int) -> LSTMState<Scalar> {
        LSTMState(combined: .zeros(shape: [batchSize, 2 * hiddenSize]))
    }

    /// One step: the output `hₜ` and the state `(hₜ, cₜ)`.
    public func callAsFunction(_ input: Tensor<Scalar>, state: LSTMState<Scalar>) -> (
        output: Tensor<Scalar>, state: LSTMState<Scalar>
    ) {
        requireInput(input, batch: state.combined.shape[0], for: "LSTMCell")
        let next = LSTMState(
            combined: Primitive.lstmStep(
                input, state.combined, inputWeight, recurrentWeight, bias))
        return (next.hidden, next)
    }

    /// Every step at once, as one primitive (see `LSTMSequence+Primitive.swift`): the same
    /// equations as calling the cell step by step, with one product per weight gradient.
    public func unroll(_ sequence: Tensor<Scalar>, from state: LSTMState<Scalar>) -> (
        outputs: Tensor<Scalar>, finalState: LSTMState<Scalar>
    ) {
        let batch = state.combined.shape[0]
        requireSequence(sequence, batch: batch, for: "LSTMCell")
        let time = sequence.shape[1]
        let states = Primitive.lstmSequence(
            sequence, state.combined, inputWeight, recurrentWeight, bias)
        let last = Primitive.slice(states, alongAxis: 1, (time - 1)..<time)
        return (
            Primitive.slice(states, alongAxis: 2, 0..<hiddenSize),
            LSTMState(combined: last.reshaped(to: [batch, 2 * hiddenSize]))
        )
    }
}
