/// A whole LSTM sequence as one primitive: the equations of ``LSTMCell`` at every step, and
/// backpropagation through time in one derivative rule.
///
/// Unrolled step by step, a sequence of `T` steps records `T` operations, each computing its
/// weights' gradients separately; here the input products of every step are one matrix
/// product (`X·W` with the steps stacked), only `hₜ₋₁·U` runs step by step, and the weights'
/// gradients are single products over all steps:
///
/// ```
/// going back from t = T:  δhₜ = δyₜ + δaₜ₊₁·Uᵀ   δcₜ = δcₜ + δcₜ₊₁ ⊙ fₜ₊₁   δaₜ as for one step
/// δW = Σₜ xₜᵀ·δaₜ = Xᵀ·δA   δU = Σₜ hₜ₋₁ᵀ·δaₜ   δb = Σₜ Σₙ δaₜ   δX = δA·Wᵀ
/// ```
extension Primitive {
    /// `[hₜ | cₜ]` for every step, `[batch, time, 2·hidden]`, from a batch-first sequence `x`
    /// `[batch, time, inputSize]` and the initial `[h₀ | c₀]`, `[batch, 2·hidden]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func lstmSequence(_ x: T, _ state: T, _ w: T, _ u: T, _ b: T) -> T {
        lstmSequenceRecordingGates(x, state, w, u, b).states
    }

    /// ``lstmSequence(_:_:_:_:_:)`` and its forward pass, whose `gates` hold every step's
    /// activated gates `[i f g o]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func lstmSequenceRecordingGates(_ x: T, _ state: T, _ w: T, _ u: T, _ b: T) -> (
        states: T, forward: LSTMSequenceKernel.Forward<Scalar>
    ) {
        let shape = LSTMSequenceKernel.Shape(x, recurrentWeight: u)
        let forward = LSTMSequenceKernel.forward(
            x.scalars, state.scalars, w.scalars, u.scalars, b.scalars, shape)
        let y = T(
            shape: [shape.batch, shape.time, 2 * shape.hidden],
            scalars: LSTMSequenceKernel.output(forward, shape), node: nil)
        let (ws, us) = (w.scalars, u.scalars)
        let states = record("lstmSequence", [x, state, w, u, b], y) { tracked in
            { dy in
                let g = LSTMSequenceKernel.backward(
                    dy.scalars, forward, ws, us, shape, inputGradient: tracked[0])
                return gradients(
                    of: [x, state, w, u, b], [g.dx, g.dState, g.dw, g.du, g.db], tracked: tracked)
            }
        }
        return (states, forward)
    }
}

/// The loops of ``Primitive/lstmSequence(_:_:_:_:_:)``, on time-major arrays.
enum LSTMSequenceKernel {
    typealias Shape = RecurrentSequenceKernel.Shape

    /// What the backward pass needs, time-major.
    struct Forward<Scalar: TensorScalar>: Sendable {
        /// The inputs, `[time, batch, inputSize]`.
        var inputs: [Scalar]
        /// The activated gates `[i f g o]` of every step, `[time, batch, 4·hidden]`.
        var gates: [Scalar]
        /// `h₀ … h_T`, `[time + 1, batch, hidden]`.
        var hiddens: [Scalar]
        /// `c₀ … c_T`, `[time + 1, batch, hidden]`.
        var cells: [Scalar]
        /// `tanh c₁ … tanh c_T`, `[time, batch, hidden]`.
        var tanhCells: [Scalar]
    }

    /// Every step forward.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forward<Scalar: TensorScalar>(
        _ x: [Scalar], _ state: [Scalar], _ w: [Scalar], _ u: [Scalar], _ b: [Scalar],
        _ shape: Shape
    ) -> Forward<Scalar> {
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        let width = 4 * hidden
        var (inputs, gates) = RecurrentSequenceKernel.inputProjections(
            x, w, b, shape, width: width)
        // `[h₀ | c₀]` split, then room for every later step.
        let later = [Scalar](repeating: 0, count: time * shape.step)
        var hiddens = RecurrentKernel.columns(state, width: 2 * hidden, 0..<hidden) + later
        var cells = RecurrentKernel.columns(state, width: 2 * hidden, hidden..<(2 * hidden)) + later
        var tanhCells = [Scalar](repeating: 0, count: time * shape.step)
        RecurrentKernel.withMutablePointers(&gates, &hiddens, &cells, &tanhCells) {
            gates, hiddens, cells, tanhCells in
            u.withUnsafeBufferPointer { u in
                for t in 0..<time {
                    step(
                        gates + t * batch * width, hiddens + t * shape.step,
                        cells + t * shape.step, tanhCells + t * shape.step, u.start, shape)
                }
            }
        }
        return Forward(
            inputs: inputs, gates: gates, hiddens: hiddens, cells: cells, tanhCells: tanhCells)
    }

    /// One step: `z` holds `xₜ·W + b` on entry and the activated gates on return; the next
    /// `h` and `c` are written one step after `h` and `c`.
    @inline(__always)
    private static func step<Scalar: TensorScalar>(
        _ z: UnsafeMutablePointer<Scalar>, _ h: UnsafeMutablePointer<Scalar>,
        _ c: UnsafeMutablePointer<Scalar>, _ tanhCell: UnsafeMutablePointer<Scalar>,
        _ u: UnsafePointer<Scalar>, _ shape: Shape
    ) {
        let hidden = shape.hidden
        let width = 4 * hidden
        RecurrentKernel.accumulateProduct(
            h, rows: shape.batch, depth: hidden, u, width: width, into: z)
        let (nextH, nextC) = (h + shape.step, c + shape.step)
        for n in 0..<shape.batch {
            let row = z + n * width
            RecurrentKernel.applySigmoid(row, count: 2 * hidden)
            RecurrentKernel.applyTanh(row + 2 * hidden, count: hidden)
            RecurrentKernel.applySigmoid(row + 3 * hidden, count: hidden)
            let offset = n * hidden
            for j in 0..<hidden {
                let (i, f, g) = (row[j], row[hidden + j], row[2 * hidden + j])
                nextC[offset + j] = f * c[offset + j] + i * g
            }
            tanhCell.advanced(by: offset).update(from: nextC + offset, count: hidden)
            RecurrentKernel.applyTanh(tanhCell + offset, count: hidden)
            for j in 0..<hidden {
                nextH[offset + j] = row[3 * hidden + j] * tanhCell[offset + j]
            }
        }
    }

    /// The primitive's result, `[hₜ | cₜ]` batch-first: `[batch, time, 2·hidden]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func output<Scalar: TensorScalar>(_ forward: Forward<Scalar>, _ shape: Shape)
        -> [Scalar]
    {
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        var result = [Scalar](repeating: 0, count: batch * time * 2 * hidden)
        for t in 0..<time {
            for n in 0..<batch {
                let source = (t + 1) * shape.step + n * hidden
                let target = (n * time + t) * 2 * hidden
                for j in 0..<hidden {
                    result[target + j] = forward.hiddens[source + j]
                    result[target + hidden + j] = forward.cells[source + j]
                }
            }
        }
        return result
    }

    /// The gradients of the inputs, the initial state, `W`, `U` and `b`.
    struct Gradients<Scalar: TensorScalar> {
        var dx: [Scalar]
        var dState: [Scalar]
        var dw: [Scalar]
        var du: [Scalar]
        var db: [Scalar]
    }

    /// Backpropagation through time from `dy`, the gradient of the primitive's result;
    /// the inputs' gradient is left empty unless `inputGradient`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func backward<Scalar: TensorScalar>(
        _ dy: [Scalar], _ forward: Forward<Scalar>, _ w: [Scalar], _ u: [Scalar], _ shape: Shape,
        inputGradient: Bool
    ) -> Gradients<Scalar> {
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        let width = 4 * hidden
        let uTransposed = RecurrentKernel.transposed(u, rows: hidden, columns: width)
        var dz = [Scalar](repeating: 0, count: time * batch * width)
        var dh = [Scalar](repeating: 0, count: shape.step)
        var dc = dh
        RecurrentKernel.withPointers(
            dy, forward.gates, forward.cells, forward.tanhCells, uTransposed
        ) { dy, gates, cells, tanhCells, uTransposed in
            RecurrentKernel.withMutablePointers(&dz, &dh, &dc) { dz, dh, dc in
                for t in stride(from: time - 1, through: 0, by: -1) {
                    let rows = dz + t * batch * width
                    stepBack(
                        dy, gates + t * batch * width, cells + t * shape.step,
                        tanhCells + t * shape.step, t, rows, dh, dc, shape)
                    dh.update(repeating: 0, count: shape.step)
                    RecurrentKernel.accumulateProduct(
                        rows, rows: batch, depth: width, uTransposed, width: hidden, into: dh)
                }
            }
        }
        let products = RecurrentSequenceKernel.weightProducts(
            inputs: forward.inputs, dInput: dz, w: w, hiddens: forward.hiddens, dRecurrent: dz,
            shape, width: width, inputGradient: inputGradient)
        return Gradients(
            dx: products.dx, dState: LSTMKernel.interleave(dh, dc, hidden: hidden),
            dw: products.dw, du: products.du, db: RecurrentKernel.columnSums(dz, columns: width))
    }

    /// One step back: `δa` of step `t` into `dz`, from `δhₜ` (the output's gradient plus
    /// `dh`, the gradient through the next step) and `δcₜ` likewise; `dc` becomes `δcₜ₋₁`.
    @inline(__always)
    private static func stepBack<Scalar: TensorScalar>(
        _ dy: UnsafePointer<Scalar>, _ gates: UnsafePointer<Scalar>,
        _ previousCells: UnsafePointer<Scalar>, _ tanhCells: UnsafePointer<Scalar>, _ t: Int,
        _ dz: UnsafeMutablePointer<Scalar>, _ dh: UnsafePointer<Scalar>,
        _ dc: UnsafeMutablePointer<Scalar>, _ shape: Shape
    ) {
        let hidden = shape.hidden
        for n in 0..<shape.batch {
            let (gate, delta) = (gates + n * 4 * hidden, dz + n * 4 * hidden)
            let output = dy + (n * shape.time + t) * 2 * hidden
            let offset = n * hidden
            for j in 0..<hidden {
                let (i, f) = (gate[j], gate[hidden + j])
                let (g, o) = (gate[2 * hidden + j], gate[3 * hidden + j])
                let squashed = tanhCells[offset + j]
                let dhT = output[j] + dh[offset + j]
                let dcT = output[hidden + j] + dc[offset + j] + dhT * o * (1 - squashed * squashed)
                delta[j] = dcT * g * i * (1 - i)
                delta[hidden + j] = dcT * previousCells[offset + j] * f * (1 - f)
                delta[2 * hidden + j] = dcT * i * (1 - g * g)
                delta[3 * hidden + j] = dhT * squashed * o * (1 - o)
                dc[offset + j] = dcT * f
            }
        }
    }
}
