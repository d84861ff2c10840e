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
        // `[h₀ | c₀]` split, then room for every later step, which `step` writes.
        var hiddens: [Scalar] = RecurrentKernel.unfilled(count: (time + 1) * shape.step)
        var cells: [Scalar] = RecurrentKernel.unfilled(count: (time + 1) * shape.step)
        LSTMKernel.split(state, hidden: hidden, into: &hiddens, &cells)
        var tanhCells: [Scalar] = RecurrentKernel.unfilled(count: time * shape.step)
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
            let cell = CellUpdate(
                gate: row, c: c + offset, nextC: nextC + offset, tanhCell: tanhCell + offset,
                hidden: hidden)
            cell.run(count: hidden)
            RecurrentKernel.applyTanh(tanhCell + offset, count: hidden)
            HiddenOutput(
                gate: row, tanhCell: tanhCell + offset, nextH: nextH + offset, hidden: hidden
            )
            .run(count: hidden)
        }
    }

    /// `cₜ = f ⊙ cₜ₋₁ + i ⊙ g` for one sequence, written to `nextC` and (to be squashed in
    /// place) to `tanhCell`.
    private struct CellUpdate<Element: TensorScalar>: LaneLoop {
        let gate: UnsafePointer<Element>
        let c: UnsafePointer<Element>
        let nextC: UnsafeMutablePointer<Element>
        let tanhCell: UnsafeMutablePointer<Element>
        let hidden: Int

        @inline(__always)
        func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element {
            let (i, f) = (L(loading: gate + j), L(loading: gate + hidden + j))
            let g = L(loading: gate + 2 * hidden + j)
            let cell = f * L(loading: c + j) + i * g
            cell.store(to: nextC + j)
            cell.store(to: tanhCell + j)
        }
    }

    /// `hₜ = o ⊙ tanh cₜ` for one sequence.
    private struct HiddenOutput<Element: TensorScalar>: LaneLoop {
        let gate: UnsafePointer<Element>
        let tanhCell: UnsafePointer<Element>
        let nextH: UnsafeMutablePointer<Element>
        let hidden: Int

        @inline(__always)
        func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element {
            (L(loading: gate + 3 * hidden + j) * L(loading: tanhCell + j)).store(to: nextH + j)
        }
    }

    /// The primitive's result, `[hₜ | cₜ]` batch-first: `[batch, time, 2·hidden]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func output<Scalar: TensorScalar>(_ forward: Forward<Scalar>, _ shape: Shape)
        -> [Scalar]
    {
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        let count = batch * time * 2 * hidden
        return [Scalar](unsafeUninitializedCapacity: count) { result, initialized in
            RecurrentKernel.withPointers(forward.hiddens, forward.cells) { hiddens, cells in
                for t in 0..<time {
                    for n in 0..<batch {
                        let source = (t + 1) * shape.step + n * hidden
                        let target = result.baseAddress! + (n * time + t) * 2 * hidden
                        target.initialize(from: hiddens + source, count: hidden)
                        (target + hidden).initialize(from: cells + source, count: hidden)
                    }
                }
            }
            initialized = count
        }
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
        // Every step's `δa`, written by `stepBack` before the products read it.
        var dz: [Scalar] = RecurrentKernel.unfilled(count: time * batch * width)
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
            let offset = n * hidden
            let row = StepBackRow(
                gate: gates + n * 4 * hidden, delta: dz + n * 4 * hidden,
                output: dy + (n * shape.time + t) * 2 * hidden,
                previousCell: previousCells + offset, tanhCell: tanhCells + offset,
                dh: dh + offset, dc: dc + offset, hidden: hidden)
            row.run(count: hidden)
        }
    }

    /// One sequence's row of ``stepBack(_:_:_:_:_:_:_:_:_:)``: where its gates, gradients and
    /// states lie.
    private struct StepBackRow<Element: TensorScalar>: LaneLoop {
        let gate: UnsafePointer<Element>
        let delta: UnsafeMutablePointer<Element>
        let output: UnsafePointer<Element>
        let previousCell: UnsafePointer<Element>
        let tanhCell: UnsafePointer<Element>
        let dh: UnsafePointer<Element>
        let dc: UnsafeMutablePointer<Element>
        let hidden: Int

        /// Hidden units `j ..< j + L.laneCount`.
        @inline(__always)
        func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element {
            let (i, f) = (L(loading: gate + j), L(loading: gate + hidden + j))
            let (g, o) = (L(loading: gate + 2 * hidden + j), L(loading: gate + 3 * hidden + j))
            let squashed = L(loading: tanhCell + j)
            let dhT = L(loading: output + j) + L(loading: dh + j)
            let dcT =
                L(loading: output + hidden + j) + L(loading: dc + j) + dhT * o
                * (L.one - squashed * squashed)
            (dcT * g * i * (L.one - i)).store(to: delta + j)
            (dcT * L(loading: previousCell + j) * f * (L.one - f)).store(to: delta + hidden + j)
            (dcT * i * (L.one - g * g)).store(to: delta + 2 * hidden + j)
            (dhT * squashed * o * (L.one - o)).store(to: delta + 3 * hidden + j)
            (dcT * f).store(to: dc + j)
        }
    }
}
