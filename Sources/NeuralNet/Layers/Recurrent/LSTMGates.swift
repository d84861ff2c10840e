/// The activations of an ``LSTMCell``'s four gates, in its equations' names: each
/// `[batch, hiddenSize]` for one step, or `[batch, time, hiddenSize]` for a sequence.
public struct LSTMGates<Scalar: TensorScalar>: Sendable {
    /// The input gate `iₜ = σ(aⁱ)`: how much of the candidate enters the cell.
    public var input: Tensor<Scalar>
    /// The forget gate `fₜ = σ(aᶠ)`: how much of the old cell state is kept.
    public var forget: Tensor<Scalar>
    /// The candidate `gₜ = tanh(aᵍ)`: what may be written into the cell.
    public var candidate: Tensor<Scalar>
    /// The output gate `oₜ = σ(aᵒ)`: how much of `tanh cₜ` is shown as `hₜ`.
    public var output: Tensor<Scalar>
}

extension LSTMCell: GatedRecurrentCell {
    /// One step, as ``callAsFunction(_:state:)``, and its gates, each `[batch, hiddenSize]`.
    public func stepRecordingGates(_ input: Tensor<Scalar>, state: LSTMState<Scalar>) -> (
        output: Tensor<Scalar>, state: LSTMState<Scalar>, gates: LSTMGates<Scalar>
    ) {
        let batch = state.combined.shape[0]
        requireInput(input, batch: batch, for: "LSTMCell")
        let (combined, gates) = Primitive.lstmStepRecordingGates(
            input, state.combined, inputWeight, recurrentWeight, bias)
        let next = LSTMState(combined: combined)
        let split = RecurrentKernel.splitGates(
            gates, time: 1, batch: batch, hidden: hiddenSize, count: 4
        ).map { $0.reshaped(to: [batch, hiddenSize]) }
        return (
            next.hidden, next,
            LSTMGates(input: split[0], forget: split[1], candidate: split[2], output: split[3])
        )
    }

    /// Every step, as ``unroll(_:from:)`` (one fused primitive), and every step's gates,
    /// each `[batch, time, hiddenSize]`.
    public func unrollRecordingGates(_ sequence: Tensor<Scalar>, from state: LSTMState<Scalar>)
        -> (outputs: Tensor<Scalar>, finalState: LSTMState<Scalar>, gates: LSTMGates<Scalar>)
    {
        let batch = state.combined.shape[0]
        requireSequence(sequence, batch: batch, for: "LSTMCell")
        let time = sequence.shape[1]
        let (states, forward) = Primitive.lstmSequenceRecordingGates(
            sequence, state.combined, inputWeight, recurrentWeight, bias)
        let last = Primitive.slice(states, alongAxis: 1, (time - 1)..<time)
        let split = RecurrentKernel.splitGates(
            forward.gates, time: time, batch: batch, hidden: hiddenSize, count: 4)
        return (
            Primitive.slice(states, alongAxis: 2, 0..<hiddenSize),
            LSTMState(combined: last.reshaped(to: [batch, 2 * hiddenSize])),
            LSTMGates(input: split[0], forget: split[1], candidate: split[2], output: split[3])
        )
    }
}
