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
}

extension RecurrentCell {
    /// Stops unless `input` is `[batch, inputSize]`.
    func requireInput(_ input: Tensor<Scalar>, batch: Int, for cell: String) {
        guard input.rank == 2, input.shape[1] == inputSize, input.shape[0] == batch else {
            fatalError(
                "\(cell): input of shape \(input.shape) needs shape [\(batch), \(inputSize)] "
                    + "(batch, inputSize)")
        }
    }
}
