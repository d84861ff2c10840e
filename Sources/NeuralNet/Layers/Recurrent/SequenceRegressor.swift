/// A recurrent layer whose last output a dense layer reads, `ŷ = h_T·W + b`: a
/// sequence-to-one model, such as one that predicts a series' next value or the sum in the
/// adding problem.
///
/// Sequences are batch-first, `[batch, time, inputSize]`; the output is `[batch, outputSize]`.
/// Its parameters are the cell's, then the head's weight and bias.
///
/// ```swift
/// var generator = SeededGenerator(seed: 1)
/// let model = SequenceRegressor(
///     LSTMCell<Float>(inputSize: 1, hiddenSize: 32, using: &generator), outputSize: 1,
///     using: &generator)
/// let predictions = model(sequences)  // [batch, 1]
/// ```
public struct SequenceRegressor<Cell: RecurrentCell>: Layer {
    /// The scalar type of the cell.
    public typealias Scalar = Cell.Scalar
    /// The recurrent layer that reads the sequence.
    public var recurrent: RecurrentLayer<Cell>
    /// The dense layer that reads the last step's output.
    public var head: Dense<Scalar>

    /// A regressor on `cell` with a head of `outputSize` outputs, Glorot-uniform weights from
    /// `generator` and a zero bias.
    public init(
        _ cell: Cell, outputSize: Int, using generator: inout some RandomNumberGenerator
    ) {
        recurrent = RecurrentLayer(cell)
        head = Dense(inputSize: cell.hiddenSize, outputSize: outputSize, using: &generator)
    }

    /// The cell's parameters, then the head's.
    public var parameters: [Tensor<Scalar>] {
        get { recurrent.parameters + head.parameters }
        set {
            let count = recurrent.parameters.count
            recurrent.parameters = Array(newValue[..<count])
            head.parameters = Array(newValue[count...])
        }
    }

    /// `h_T·W + b` for each sequence of the batch.
    public func callAsFunction(_ sequences: Tensor<Scalar>) -> Tensor<Scalar> {
        head(recurrent.lastOutput(for: sequences))
    }
}
