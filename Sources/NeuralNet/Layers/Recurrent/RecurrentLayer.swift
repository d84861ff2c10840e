/// Any ``RecurrentCell`` unrolled over a sequence: `(yₜ, sₜ) = cell(xₜ, sₜ₋₁)` for
/// `t = 1 … T`, starting from `s₀` (zeros unless given).
///
/// Sequences are batch-first, `[batch, time, inputSize]`. Its parameters are the cell's, shared
/// by every step; differentiating a loss of the outputs is backpropagation through time.
///
/// ```swift
/// var generator = SeededGenerator(seed: 1)
/// let lstm = RecurrentLayer(LSTMCell<Float>(inputSize: 1, hiddenSize: 32, using: &generator))
/// let last = lstm.lastOutput(for: sequences)  // [batch, 32]
/// ```
public struct RecurrentLayer<Cell: RecurrentCell>: Module {
    /// The scalar type of the cell.
    public typealias Scalar = Cell.Scalar
    /// The cell run at every step.
    public var cell: Cell

    /// A layer that unrolls `cell`.
    public init(_ cell: Cell) {
        self.cell = cell
    }

    /// The cell's parameters.
    public var parameters: [Tensor<Scalar>] {
        get { cell.parameters }
        set { cell.parameters = newValue }
    }

    /// Every step's output, each `[batch, hiddenSize]`, and the state after the last step.
    public func run(_ sequence: Tensor<Scalar>, initialState: Cell.State? = nil) -> (
        outputs: [Tensor<Scalar>], finalState: Cell.State
    ) {
        let (outputs, finalState) = unroll(sequence, initialState: initialState)
        let (batch, hidden) = (outputs.shape[0], outputs.shape[2])
        let steps = (0..<outputs.shape[1]).map { time in
            Primitive.slice(outputs, alongAxis: 1, time..<(time + 1)).reshaped(to: [batch, hidden])
        }
        return (steps, finalState)
    }

    /// Every step's output stacked, `[batch, time, hiddenSize]`.
    public func callAsFunction(_ sequence: Tensor<Scalar>) -> Tensor<Scalar> {
        unroll(sequence, initialState: nil).outputs
    }

    /// The last step's output, `[batch, hiddenSize]`: what a sequence-to-one model reads.
    public func lastOutput(for sequence: Tensor<Scalar>) -> Tensor<Scalar> {
        let outputs = unroll(sequence, initialState: nil).outputs
        let (batch, time, hidden) = (outputs.shape[0], outputs.shape[1], outputs.shape[2])
        return Primitive.slice(outputs, alongAxis: 1, (time - 1)..<time)
            .reshaped(to: [batch, hidden])
    }

    /// The cell's ``RecurrentCell/unroll(_:from:)`` after checking the sequence's shape.
    private func unroll(_ sequence: Tensor<Scalar>, initialState: Cell.State?) -> (
        outputs: Tensor<Scalar>, finalState: Cell.State
    ) {
        cell.unroll(sequence, from: startingState(for: sequence, initialState))
    }

    /// `initialState`, or zeros, after checking the sequence's shape.
    func startingState(for sequence: Tensor<Scalar>, _ initialState: Cell.State?) -> Cell.State {
        guard sequence.rank == 3, sequence.shape[2] == cell.inputSize else {
            fatalError(
                "RecurrentLayer: sequence of shape \(sequence.shape) needs shape "
                    + "[batch, time, \(cell.inputSize)]")
        }
        guard sequence.shape[1] > 0 else {
            fatalError("RecurrentLayer: the sequence \(sequence.shape) has no steps")
        }
        return initialState ?? cell.zeroState(batchSize: sequence.shape[0])
    }
}
