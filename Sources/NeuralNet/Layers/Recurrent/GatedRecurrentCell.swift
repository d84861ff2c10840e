/// A recurrent cell whose gates can be read: the same step and unrolled sequence as the
/// ``RecurrentCell`` requirements, also returning every gate's activation (constants, outside
/// the computation graph).
///
/// Recording is asked for explicitly, so the ordinary calls do no extra work. The gates of an
/// unrolled sequence come from the fused sequence primitive's own forward pass, those of a
/// step from the step primitive's; both equal the cell's equations (``LSTMCell``,
/// ``GRUCell``).
public protocol GatedRecurrentCell<Scalar>: RecurrentCell {
    /// The gates' activations: each `[batch, hiddenSize]` for one step, or
    /// `[batch, time, hiddenSize]` for a sequence.
    associatedtype Gates
    /// One step, as ``RecurrentCell/callAsFunction(_:state:)``, and its gates.
    func stepRecordingGates(_ input: Tensor<Scalar>, state: State) -> (
        output: Tensor<Scalar>, state: State, gates: Gates
    )
    /// Every step, as ``RecurrentCell/unroll(_:from:)``, and every step's gates.
    func unrollRecordingGates(_ sequence: Tensor<Scalar>, from state: State) -> (
        outputs: Tensor<Scalar>, finalState: State, gates: Gates
    )
}

extension RecurrentLayer where Cell: GatedRecurrentCell {
    /// Every step's output stacked, `[batch, time, hiddenSize]`, the state after the last
    /// step, and every gate at every step, each `[batch, time, hiddenSize]`.
    ///
    /// ```swift
    /// let (_, _, gates) = lstm.runRecordingGates(sequence)
    /// let forget = gates.forget  // fₜ for every sample, step and unit
    /// ```
    public func runRecordingGates(_ sequence: Tensor<Scalar>, initialState: Cell.State? = nil)
        -> (outputs: Tensor<Scalar>, finalState: Cell.State, gates: Cell.Gates)
    {
        cell.unrollRecordingGates(sequence, from: startingState(for: sequence, initialState))
    }
}

extension RecurrentKernel {
    /// `count` gates from time-major activations `[time, batch, count·hidden]`, each as
    /// `[batch, time, hidden]`; the gates at `complemented` are given as `1 - x` (where a
    /// kernel stores the complement of what the equations call the gate).
    static func splitGates<Scalar: TensorScalar>(
        _ gates: [Scalar], time: Int, batch: Int, hidden: Int, count: Int,
        complemented: [Int] = []
    ) -> [Tensor<Scalar>] {
        (0..<count).map { gate in
            var scalars = [Scalar](repeating: 0, count: batch * time * hidden)
            let flip = complemented.contains(gate)
            for t in 0..<time {
                for n in 0..<batch {
                    let source = (t * batch + n) * count * hidden + gate * hidden
                    let target = (n * time + t) * hidden
                    for j in 0..<hidden {
                        let value = gates[source + j]
                        scalars[target + j] = flip ? 1 - value : value
                    }
                }
            }
            return Tensor(shape: [batch, time, hidden], scalars: scalars, node: nil)
        }
    }
}
