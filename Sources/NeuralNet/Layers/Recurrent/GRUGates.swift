/// The activations of a ``GRUCell``'s gates, in its equations' names: each
/// `[batch, hiddenSize]` for one step, or `[batch, time, hiddenSize]` for a sequence.
///
/// The gates are `rₜ = σ(aʳ + rʰ)` and `zₜ = σ(aᶻ + zʰ)` in every ``GRUFormulation``: for
/// ``GRUFormulation/complementedGates`` too, whose equations then use `1 - rₜ` and `1 - zₜ`.
public struct GRUGates<Scalar: TensorScalar>: Sendable {
    /// The reset gate `rₜ`.
    public var reset: Tensor<Scalar>
    /// The update gate `zₜ`.
    public var update: Tensor<Scalar>
    /// The candidate state `nₜ = tanh(…)`.
    public var candidate: Tensor<Scalar>
}

extension GRUCell: GatedRecurrentCell {
    /// One step, as ``callAsFunction(_:state:)``, and its gates, each `[batch, hiddenSize]`.
    public func stepRecordingGates(_ input: Tensor<Scalar>, state: Tensor<Scalar>) -> (
        output: Tensor<Scalar>, state: Tensor<Scalar>, gates: GRUGates<Scalar>
    ) {
        let batch = state.shape[0]
        requireInput(input, batch: batch, for: "GRUCell")
        let (hidden, forward) = Primitive.gruStepRecordingGates(
            input, state, inputWeight, recurrentWeight, inputBias, recurrentBias,
            formulation: formulation)
        let shape = [batch, hiddenSize]
        let complement = { (x: [Scalar]) in
            formulation == .complementedGates ? x.map { 1 - $0 } : x
        }
        let gates = GRUGates(
            reset: Tensor(shape: shape, scalars: complement(forward.reset), node: nil),
            update: Tensor(shape: shape, scalars: complement(forward.update), node: nil),
            candidate: Tensor(shape: shape, scalars: forward.candidate, node: nil))
        return (hidden, hidden, gates)
    }

    /// Every step, as ``unroll(_:from:)`` (one fused primitive), and every step's gates,
    /// each `[batch, time, hiddenSize]`.
    public func unrollRecordingGates(_ sequence: Tensor<Scalar>, from state: Tensor<Scalar>)
        -> (outputs: Tensor<Scalar>, finalState: Tensor<Scalar>, gates: GRUGates<Scalar>)
    {
        let batch = state.shape[0]
        requireSequence(sequence, batch: batch, for: "GRUCell")
        let time = sequence.shape[1]
        let (outputs, forward) = Primitive.gruSequenceRecordingGates(
            sequence, state, inputWeight, recurrentWeight, inputBias, recurrentBias,
            formulation: formulation)
        let last = Primitive.slice(outputs, alongAxis: 1, (time - 1)..<time)
        let split = RecurrentKernel.splitGates(
            forward.gates, time: time, batch: batch, hidden: hiddenSize, count: 3,
            complemented: formulation == .complementedGates ? [0, 1] : [])
        return (
            outputs, last.reshaped(to: [batch, hiddenSize]),
            GRUGates(reset: split[0], update: split[1], candidate: split[2])
        )
    }
}
