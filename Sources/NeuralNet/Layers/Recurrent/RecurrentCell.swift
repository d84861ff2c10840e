/// One step of a recurrent network: from an input and the previous state to an output and
/// the next state, `(yₜ, sₜ) = cell(xₜ, sₜ₋₁)`.
///
/// A cell is separate from the loop that runs it over a sequence (``RecurrentLayer``), as in
/// Swift for TensorFlow, so a chapter can step a cell by hand or unroll any cell the same way.
/// Inputs are `[batch, inputSize]`; outputs `[batch, hiddenSize]`.
public protocol RecurrentCell<Scalar>: Module {
    /// What the cell carries from one step to the next (a hidden tensor, or several).
    associatedtype State
    /// The number of input features.
    var inputSize: Int { get }
    /// The number of hidden units, the width of the output.
    var hiddenSize: Int { get }
    /// The state before the first step: zeros for a batch of `batchSize`.
    func zeroState(batchSize: Int) -> State
    /// One step: the output and the next state for `input` given `state`.
    func callAsFunction(_ input: Tensor<Scalar>, state: State) -> (
        output: Tensor<Scalar>, state: State
    )
    /// Every step over a batch-first sequence `[batch, time, inputSize]` from `state`: the
    /// outputs stacked, `[batch, time, hiddenSize]`, and the state after the last step.
    ///
    /// The default runs the cell step by step (``unrollStepByStep(_:from:)``); ``LSTMCell``
    /// and ``GRUCell`` run the whole sequence as one primitive, with the same results.
    func unroll(_ sequence: Tensor<Scalar>, from state: State) -> (
        outputs: Tensor<Scalar>, finalState: State
    )
}

extension RecurrentCell {
    /// Every step over a sequence, one call of the cell per step.
    public func unroll(_ sequence: Tensor<Scalar>, from state: State) -> (
        outputs: Tensor<Scalar>, finalState: State
    ) {
        unrollStepByStep(sequence, from: state)
    }

    /// ``unroll(_:from:)`` by calling the cell once per step: what a fused implementation must
    /// agree with.
    public func unrollStepByStep(_ sequence: Tensor<Scalar>, from state: State) -> (
        outputs: Tensor<Scalar>, finalState: State
    ) {
        let (batch, time) = (sequence.shape[0], sequence.shape[1])
        guard time > 0 else {
            fatalError("\(Self.self).unroll: the sequence \(sequence.shape) has no steps")
        }
        var state = state
        var outputs: [Tensor<Scalar>] = []
        outputs.reserveCapacity(time)
        for t in 0..<time {
            let input = Primitive.slice(sequence, alongAxis: 1, t..<(t + 1))
            let (output, next) = self(input.reshaped(to: [batch, inputSize]), state: state)
            outputs.append(output)
            state = next
        }
        return (.stacked(outputs, alongAxis: 1), state)
    }
}

extension RecurrentCell {
    /// Stops unless `sequence` is `[batch, time, inputSize]` with at least one step.
    func requireSequence(_ sequence: Tensor<Scalar>, batch: Int, for cell: String) {
        guard sequence.rank == 3, sequence.shape[0] == batch, sequence.shape[2] == inputSize,
            sequence.shape[1] > 0
        else {
            fatalError(
                "\(cell): sequence of shape \(sequence.shape) needs shape "
                    + "[\(batch), time ≥ 1, \(inputSize)] (batch, time, inputSize)")
        }
    }

    /// Stops unless `input` is `[batch, inputSize]`.
    func requireInput(_ input: Tensor<Scalar>, batch: Int, for cell: String) {
        guard input.rank == 2, input.shape[1] == inputSize, input.shape[0] == batch else {
            fatalError(
                "\(cell): input of shape \(input.shape) needs shape [\(batch), \(inputSize)] "
                    + "(batch, inputSize)")
        }
    }
}
