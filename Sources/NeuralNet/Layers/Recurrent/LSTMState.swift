/// The state an ``LSTMCell`` carries: the hidden state `h` and the cell (memory) state `c`.
///
/// Both are stored side by side in one tensor `[batch, 2·hiddenSize]`, `h` then `c`, so a
/// step is a single differentiable operation.
public struct LSTMState<Scalar: TensorScalar> {
    /// `[h | c]`, `[batch, 2·hiddenSize]`.
    public var combined: Tensor<Scalar>

    /// The state with hidden state `hidden` and cell state `cell`, each `[batch, hiddenSize]`.
    public init(hidden: Tensor<Scalar>, cell: Tensor<Scalar>) {
        Shape.requireEqual(hidden.shape, cell.shape, for: "LSTMState(hidden:cell:)")
        combined = .concatenated([hidden, cell], alongAxis: 1)
    }

    /// The state whose `[h | c]` is `combined`.
    public init(combined: Tensor<Scalar>) {
        guard combined.rank == 2, combined.shape[1] % 2 == 0 else {
            fatalError(
                "LSTMState(combined:): shape \(combined.shape) needs [batch, 2·hiddenSize]")
        }
        self.combined = combined
    }

    /// The hidden state `h`, `[batch, hiddenSize]`, the cell's output.
    public var hidden: Tensor<Scalar> {
        Primitive.slice(combined, alongAxis: 1, 0..<(combined.shape[1] / 2))
    }

    /// The cell state `c`, `[batch, hiddenSize]`.
    public var cell: Tensor<Scalar> {
        Primitive.slice(combined, alongAxis: 1, (combined.shape[1] / 2)..<combined.shape[1])
    }
}
