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
        guard sequence.rank == 3, sequence.shape[2] == cell.inputSize else {
            fatalError(
                "RecurrentLayer: sequence of shape \(sequence.shape) needs shape "
                    + "[batch, time, \(cell.inputSize)]")
        }
        let (batch, inputSize) = (sequence.shape[0], sequence.shape[2])
        var state = initialState ?? cell.zeroState(batchSize: batch)
        var outputs: [Tensor<Scalar>] = []
        outputs.reserveCapacity(sequence.shape[1])
        for time in 0..<sequence.shape[1] {
            let input = Primitive.slice(sequence, alongAxis: 1, time..<(time + 1))
            let (output, next) = cell(input.reshaped(to: [batch, inputSize]), state: state)
            outputs.append(output)
            state = next
        }
        return (outputs, state)
    }

    /// Every step's output stacked, `[batch, time, hiddenSize]`.
    public func callAsFunction(_ sequence: Tensor<Scalar>) -> Tensor<Scalar> {
        .stacked(run(sequence).outputs, alongAxis: 1)
    }

    /// The last step's output, `[batch, hiddenSize]`: what a sequence-to-one model reads.
    public func lastOutput(for sequence: Tensor<Scalar>) -> Tensor<Scalar> {
        guard let last = run(sequence).outputs.last else {
            fatalError("RecurrentLayer.lastOutput(for:): the sequence has no steps")
        }
        return last
    }
}
