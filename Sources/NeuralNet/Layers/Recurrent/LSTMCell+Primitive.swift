/// One LSTM step as a single primitive with its derivative rule, derived by hand from the
/// equations in ``LSTMCell``. With `δh`, `δc` the gradients of the new state:
///
/// ```
/// δcₜ   = δc + δh ⊙ oₜ ⊙ (1 - tanh² cₜ)      δcₜ₋₁ = δcₜ ⊙ fₜ
/// δaᵢ = δcₜ ⊙ gₜ ⊙ iₜ(1 - iₜ)    δaᶠ = δcₜ ⊙ cₜ₋₁ ⊙ fₜ(1 - fₜ)
/// δaᵍ = δcₜ ⊙ iₜ ⊙ (1 - gₜ²)      δaᵒ = δh ⊙ tanh cₜ ⊙ oₜ(1 - oₜ)
/// δx = δa·Wᵀ   δhₜ₋₁ = δa·Uᵀ   δW = xᵀ·δa   δU = hₜ₋₁ᵀ·δa   δb = Σₙ δa
/// ```
///
/// The rule is joint: the elementwise backward step runs once per gradient, whichever inputs
/// are tracked.
extension Primitive {
    /// `[hₜ | cₜ]` from `x` `[batch, inputSize]` and `[hₜ₋₁ | cₜ₋₁]` `[batch, 2·hidden]`.
    static func lstmStep(_ x: T, _ state: T, _ w: T, _ u: T, _ b: T) -> T {
        lstmStepRecordingGates(x, state, w, u, b).combined
    }

    /// ``lstmStep(_:_:_:_:_:)`` and the step's activated gates `[i f g o]`,
    /// `[batch, 4·hidden]` (constants).
    static func lstmStepRecordingGates(_ x: T, _ state: T, _ w: T, _ u: T, _ b: T) -> (
        combined: T, gates: [Scalar]
    ) {
        let (batch, inputSize, hidden) = (x.shape[0], x.shape[1], u.shape[0])
        let previous = state.scalars
        let h = RecurrentKernel.columns(previous, width: 2 * hidden, 0..<hidden)
        let z = RecurrentKernel.affine(
            x.scalars, w.scalars, h, u.scalars, b.scalars, batch: batch, inputSize: inputSize,
            hiddenSize: hidden, width: 4 * hidden)
        let (gates, tanhCell, combined) = LSTMKernel.forward(z, previous, hidden: hidden)
        let y = T(shape: [batch, 2 * hidden], scalars: combined, node: nil)
        let (xs, ws, us) = (x.scalars, w.scalars, u.scalars)
        let inputs = [x, state, w, u, b]
        let detachedInputs = inputs.map { $0.detached() }
        let width = 4 * hidden
        let result = record("lstmStep", inputs, y) { tracked in
            { dy in
                let (dz, dCell) = LSTMKernel.backward(
                    dy.scalars, gates, tanhCell, previous, hidden: hidden)
                var scalars: [[Scalar]] = Array(repeating: [], count: 5)
                if tracked[0] {
                    scalars[0] = RecurrentKernel.product(
                        dz, batch, width, ws, inputSize, width, transposingB: true)
                }
                if tracked[1] {
                    let dh = RecurrentKernel.product(
                        dz, batch, width, us, hidden, width, transposingB: true)
                    scalars[1] = LSTMKernel.interleave(dh, dCell, hidden: hidden)
                }
                if tracked[2] {
                    scalars[2] = RecurrentKernel.product(
                        xs, batch, inputSize, transposingA: true, dz, batch, width)
                }
                if tracked[3] {
                    scalars[3] = RecurrentKernel.product(
                        h, batch, hidden, transposingA: true, dz, batch, width)
                }
                if tracked[4] { scalars[4] = RecurrentKernel.columnSums(dz, columns: width) }
                return gradients(of: detachedInputs, scalars, tracked: tracked)
            }
        }
        return (result, gates)
    }
}

/// The elementwise part of an LSTM step, forward and backward.
enum LSTMKernel {
    /// The activated gates `[i f g o]`, `tanh cₜ`, and `[hₜ | cₜ]`, from pre-activations `z`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forward<Scalar: TensorScalar>(_ z: [Scalar], _ state: [Scalar], hidden: Int)
        -> (gates: [Scalar], tanhCell: [Scalar], combined: [Scalar])
    {
        let batch = z.count / (4 * hidden)
        var gates = z
        var tanhCell = [Scalar](repeating: 0, count: batch * hidden)
        var combined = [Scalar](repeating: 0, count: batch * 2 * hidden)
        for n in 0..<batch {
            let (g0, s0) = (n * 4 * hidden, n * 2 * hidden)
            for j in 0..<hidden {
                let i = RecurrentKernel.sigmoid(z[g0 + j])
                let f = RecurrentKernel.sigmoid(z[g0 + hidden + j])
                let g = Scalar.tanh(z[g0 + 2 * hidden + j])
                let o = RecurrentKernel.sigmoid(z[g0 + 3 * hidden + j])
                let cell = f * state[s0 + hidden + j] + i * g
                let squashed = Scalar.tanh(cell)
                (gates[g0 + j], gates[g0 + hidden + j]) = (i, f)
                (gates[g0 + 2 * hidden + j], gates[g0 + 3 * hidden + j]) = (g, o)
                tanhCell[n * hidden + j] = squashed
                combined[s0 + j] = o * squashed
                combined[s0 + hidden + j] = cell
            }
        }
        return (gates, tanhCell, combined)
    }

    /// The gradient of the pre-activations, `δa`, and of the previous cell state.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func backward<Scalar: TensorScalar>(
        _ dy: [Scalar], _ gates: [Scalar], _ tanhCell: [Scalar], _ state: [Scalar], hidden: Int
    ) -> (dz: [Scalar], dCell: [Scalar]) {
        let batch = tanhCell.count / hidden
        var dz = [Scalar](repeating: 0, count: gates.count)
        var dCell = [Scalar](repeating: 0, count: tanhCell.count)
        for n in 0..<batch {
            let (g0, s0) = (n * 4 * hidden, n * 2 * hidden)
            for j in 0..<hidden {
                let (i, f) = (gates[g0 + j], gates[g0 + hidden + j])
                let (g, o) = (gates[g0 + 2 * hidden + j], gates[g0 + 3 * hidden + j])
                let squashed = tanhCell[n * hidden + j]
                let dh = dy[s0 + j]
                let dc = dy[s0 + hidden + j] + dh * o * (1 - squashed * squashed)
                dz[g0 + j] = dc * g * i * (1 - i)
                dz[g0 + hidden + j] = dc * state[s0 + hidden + j] * f * (1 - f)
                dz[g0 + 2 * hidden + j] = dc * i * (1 - g * g)
                dz[g0 + 3 * hidden + j] = dh * squashed * o * (1 - o)
                dCell[n * hidden + j] = dc * f
            }
        }
        return (dz, dCell)
    }

    /// The rows of `[a | b]` (`batch × 2·hidden`) written to the first `batch × hidden`
    /// scalars of `a` and of `b`: the inverse of ``interleave(_:_:hidden:)``.
    static func split<Scalar: TensorScalar>(
        _ state: [Scalar], hidden: Int, into a: inout [Scalar], _ b: inout [Scalar]
    ) {
        for row in 0..<(state.count / max(2 * hidden, 1)) {
            for j in 0..<hidden {
                a[row * hidden + j] = state[row * 2 * hidden + j]
                b[row * hidden + j] = state[row * 2 * hidden + hidden + j]
            }
        }
    }

    /// `[a | b]` row by row, for two `batch × hidden` matrices.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func interleave<Scalar: TensorScalar>(_ a: [Scalar], _ b: [Scalar], hidden: Int)
        -> [Scalar]
    {
        var result: [Scalar] = []
        result.reserveCapacity(2 * a.count)
        for row in 0..<(a.count / max(hidden, 1)) {
            result.append(contentsOf: a[(row * hidden)..<((row + 1) * hidden)])
            result.append(contentsOf: b[(row * hidden)..<((row + 1) * hidden)])
        }
        return result
    }
}
