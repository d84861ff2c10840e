/// A whole GRU sequence, in any form, as one primitive: the equations of ``GRUCell`` at
/// every step, and backpropagation through time in one derivative rule.
///
/// As for ``Primitive/lstmSequence(_:_:_:_:_:)``, the input products of every step are one
/// matrix product, only `hₜ₋₁·U` runs step by step, and each weight's gradient is one product
/// over all steps. With `δhₜ` the output's gradient plus the gradient through step `t + 1`:
///
/// ```
/// δaⁿ = δhₜ ⊙ (1 - zₜ) ⊙ (1 - nₜ²)   δaᶻ = δhₜ ⊙ (hₜ₋₁ - nₜ) ⊙ zₜ(1 - zₜ)
/// δaʳ = δaⁿ ⊙ (hₜ₋₁·Uₙ + bₕₙ) ⊙ rₜ(1 - rₜ)
/// δaₓ = [δaʳ δaᶻ δaⁿ]   δaₕ = [δaʳ δaᶻ rₜ ⊙ δaⁿ]   δhₜ₋₁ = δhₜ ⊙ zₜ + δaₕ·Uᵀ
/// δW = Xᵀ·δAₓ   δbₓ = Σ δAₓ   δU = Σₜ hₜ₋₁ᵀ·δaₕ   δbₕ = Σ δAₕ   δX = δAₓ·Wᵀ
/// ```
///
/// Reset before (Cho et al.), the candidate reads `sₜ = rₜ ⊙ hₜ₋₁` through `Uₙ`, so with
/// `δs = δaⁿ·Uₙᵀ`: `δaʳ = δs ⊙ hₜ₋₁ ⊙ rₜ(1 - rₜ)`, `hₜ₋₁` also receives `δs ⊙ rₜ`, the
/// candidate's columns of `δaₕ` are `δaⁿ` (but carry nothing back through `U`), and
/// `δUₙ = Σₜ sₜᵀ·δaⁿ`. The complemented form is the reset-before one on `1 - rₜ` and
/// `1 - zₜ`, with the sign of `δaʳ` and `δaᶻ` flipped.
extension Primitive {
    /// `hₜ` for every step, `[batch, time, hidden]`, from a batch-first sequence `x`
    /// `[batch, time, inputSize]` and `h₀` `[batch, hidden]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func gruSequence(
        _ x: T, _ state: T, _ w: T, _ u: T, _ inputBias: T, _ recurrentBias: T,
        formulation: GRUFormulation
    ) -> T {
        gruSequenceRecordingGates(
            x, state, w, u, inputBias, recurrentBias, formulation: formulation
        ).outputs
    }

    /// ``gruSequence(_:_:_:_:_:_:formulation:)`` and the forward pass, whose `gates` hold
    /// every step's gates (as the kernel stores them: `1 - rₜ`, `1 - zₜ` when complemented).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func gruSequenceRecordingGates(
        _ x: T, _ state: T, _ w: T, _ u: T, _ inputBias: T, _ recurrentBias: T,
        formulation: GRUFormulation
    ) -> (outputs: T, forward: GRUSequenceKernel.Forward<Scalar>) {
        let shape = GRUSequenceKernel.Shape(x, recurrentWeight: u)
        let forward = GRUSequenceKernel.forward(
            x.scalars, state.scalars, w.scalars, u.scalars, inputBias.scalars,
            recurrentBias.scalars, shape, formulation: formulation)
        let y = T(
            shape: [shape.batch, shape.time, shape.hidden],
            scalars: RecurrentKernel.swappingLeadingAxes(
                forward.hiddens[shape.step...], shape.time, shape.batch,
                width: shape.hidden),
            node: nil)
        let (ws, us) = (w.scalars, u.scalars)
        let result = record("gruSequence", [x, state, w, u, inputBias, recurrentBias], y) {
            tracked in
            { dy in
                let g = GRUSequenceKernel.backward(
                    dy.scalars, forward, ws, us, shape, formulation: formulation,
                    inputGradient: tracked[0])
                return gradients(
                    of: [x, state, w, u, inputBias, recurrentBias],
                    [g.dx, g.dState, g.dw, g.du, g.dInputBias, g.dRecurrentBias], tracked: tracked)
            }
        }
        return (result, forward)
    }
}

/// The loops of ``Primitive/gruSequence(_:_:_:_:_:_:)``, on time-major arrays.
enum GRUSequenceKernel {
    typealias Shape = RecurrentSequenceKernel.Shape

    /// What the backward pass needs, time-major.
    struct Forward<Scalar: TensorScalar>: Sendable {
        /// The inputs, `[time, batch, inputSize]`.
        var inputs: [Scalar]
        /// `[rₜ zₜ nₜ]` for every step, `[time, batch, 3·hidden]`.
        var gates: [Scalar]
        /// `hₜ₋₁·Uₙ + bₕₙ` (reset after) or `rₜ ⊙ hₜ₋₁` (reset before) for every step,
        /// `[time, batch, hidden]`.
        var candidateInputs: [Scalar]
        /// `h₀ … h_T`, `[time + 1, batch, hidden]`.
        var hiddens: [Scalar]
    }

    /// Every step forward.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forward<Scalar: TensorScalar>(
        _ x: [Scalar], _ state: [Scalar], _ w: [Scalar], _ u: [Scalar], _ inputBias: [Scalar],
        _ recurrentBias: [Scalar], _ shape: Shape, formulation: GRUFormulation
    ) -> Forward<Scalar> {
        let resetAfter = formulation == .resetAfter
        let complemented = formulation == .complementedGates
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        let width = 3 * hidden
        var (inputs, gates) = RecurrentSequenceKernel.inputProjections(
            x, w, inputBias, shape, width: width)
        var candidateInputs = [Scalar](repeating: 0, count: time * shape.step)
        var hiddens = state + [Scalar](repeating: 0, count: time * shape.step)
        // `hₜ₋₁·U` for one step, then (reset before) room for a row of `sₜ·Uₙ`.
        var recurrent = [Scalar](repeating: 0, count: batch * width + hidden)
        let uN = RecurrentKernel.columns(u, width: width, (2 * hidden)..<width)
        RecurrentKernel.withMutablePointers(&gates, &hiddens, &candidateInputs, &recurrent) {
            gates, hiddens, candidateInputs, recurrent in
            RecurrentKernel.withPointers(u, recurrentBias, uN) { u, bias, uN in
                for t in 0..<time {
                    recurrent.update(repeating: 0, count: batch * width)
                    RecurrentKernel.accumulateProduct(
                        hiddens + t * shape.step, rows: batch, depth: hidden, u, width: width,
                        into: recurrent)
                    step(
                        gates + t * batch * width, recurrent, bias,
                        candidateInputs + t * shape.step, hiddens + t * shape.step,
                        resetAfter ? nil : uN, recurrent + batch * width, shape,
                        complemented: complemented)
                }
            }
        }
        return Forward(
            inputs: inputs, gates: gates, candidateInputs: candidateInputs, hiddens: hiddens)
    }

    /// One step: `gates` holds `xₜ·W + bₓ` on entry and `[rₜ zₜ nₜ]` on return, `recurrent`
    /// holds `hₜ₋₁·U`; `hₜ` is written one step after `h`. Reset before, `uN` is `Uₙ` and
    /// `scratch` has room for a row. Complemented, the gates become `1 - rₜ` and `1 - zₜ`.
    @inline(__always)
    private static func step<Scalar: TensorScalar>(
        _ gates: UnsafeMutablePointer<Scalar>, _ recurrent: UnsafePointer<Scalar>,
        _ bias: UnsafePointer<Scalar>, _ candidateInput: UnsafeMutablePointer<Scalar>,
        _ h: UnsafeMutablePointer<Scalar>, _ uN: UnsafePointer<Scalar>?,
        _ scratch: UnsafeMutablePointer<Scalar>, _ shape: Shape, complemented: Bool
    ) {
        let hidden = shape.hidden
        let width = 3 * hidden
        for n in 0..<shape.batch {
            let (row, product) = (gates + n * width, recurrent + n * width)
            for j in 0..<(2 * hidden) { row[j] += product[j] + bias[j] }
            RecurrentKernel.applySigmoid(row, count: 2 * hidden)
            if complemented {
                for j in 0..<(2 * hidden) { row[j] = 1 - row[j] }
            }
            let (candidate, offset) = (row + 2 * hidden, n * hidden)
            if let uN {
                for j in 0..<hidden { candidateInput[offset + j] = row[j] * h[offset + j] }
                scratch.update(repeating: 0, count: hidden)
                RecurrentKernel.accumulateProduct(
                    candidateInput + offset, rows: 1, depth: hidden, uN, width: hidden,
                    into: scratch)
                for j in 0..<hidden { candidate[j] += scratch[j] + bias[2 * hidden + j] }
            } else {
                for j in 0..<hidden {
                    let value = product[2 * hidden + j] + bias[2 * hidden + j]
                    candidateInput[offset + j] = value
                    candidate[j] += row[j] * value
                }
            }
            RecurrentKernel.applyTanh(candidate, count: hidden)
            let next = h + shape.step
            for j in 0..<hidden {
                let z = row[hidden + j]
                next[offset + j] = (1 - z) * candidate[j] + z * h[offset + j]
            }
        }
    }

    /// The gradients of the inputs, `h₀`, `W`, `U`, `bₓ` and `bₕ`.
    struct Gradients<Scalar: TensorScalar> {
        var dx: [Scalar]
        var dState: [Scalar]
        var dw: [Scalar]
        var du: [Scalar]
        var dInputBias: [Scalar]
        var dRecurrentBias: [Scalar]
    }

    /// Backpropagation through time from `dy`, the gradient of every `hₜ`, batch-first; the
    /// inputs' gradient is left empty unless `inputGradient`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func backward<Scalar: TensorScalar>(
        _ dy: [Scalar], _ forward: Forward<Scalar>, _ w: [Scalar], _ u: [Scalar], _ shape: Shape,
        formulation: GRUFormulation, inputGradient: Bool
    ) -> Gradients<Scalar> {
        let resetAfter = formulation == .resetAfter
        // The complemented gates `1 - σ(a)` have the derivative `-σ(a)(1 - σ(a))`.
        let sign: Scalar = formulation == .complementedGates ? -1 : 1
        let (batch, time, hidden) = (shape.batch, shape.time, shape.hidden)
        let width = 3 * hidden
        let uTransposed = RecurrentKernel.transposed(u, rows: hidden, columns: width)
        var dInput = [Scalar](repeating: 0, count: time * batch * width)
        var dRecurrent = dInput
        var dh = [Scalar](repeating: 0, count: shape.step)
        // Reset before: `Uₙᵀ`, and room for a row of `δs` and for what carries back through
        // `U` (`δaₕ` with the candidate's columns zero), one step's worth.
        let uNTransposed = RecurrentKernel.transposed(
            RecurrentKernel.columns(u, width: width, (2 * hidden)..<width), rows: hidden,
            columns: hidden)
        var scratch = [Scalar](repeating: 0, count: hidden + (resetAfter ? 0 : batch * width))
        RecurrentKernel.withPointers(
            dy, forward.gates, forward.hiddens, forward.candidateInputs
        ) { dy, gates, hiddens, candidateInputs in
            RecurrentKernel.withPointers(uTransposed, uNTransposed) { uTransposed, uNTransposed in
                RecurrentKernel.withMutablePointers(&dInput, &dRecurrent, &dh, &scratch) {
                    dInput, dRecurrent, dh, scratch in
                    let carry = scratch + hidden
                    for t in stride(from: time - 1, through: 0, by: -1) {
                        let offset = t * batch * width
                        stepBack(
                            dy, gates + offset, candidateInputs + t * shape.step,
                            hiddens + t * shape.step, t, dInput + offset, dRecurrent + offset,
                            dh, resetAfter ? nil : (uNTransposed, scratch, carry), shape,
                            sign: sign)
                        RecurrentKernel.accumulateProduct(
                            resetAfter ? dRecurrent + offset : carry, rows: batch, depth: width,
                            uTransposed, width: hidden, into: dh)
                    }
                }
            }
        }
        let products = RecurrentSequenceKernel.weightProducts(
            inputs: forward.inputs, dInput: dInput, w: w, hiddens: forward.hiddens,
            dRecurrent: dRecurrent, shape, width: width, inputGradient: inputGradient)
        var du = products.du
        if !resetAfter {
            // The candidate's columns of `U` see `sₜ = rₜ ⊙ hₜ₋₁`, not `hₜ₋₁`.
            let steps = time * batch
            let dN = RecurrentKernel.product(
                forward.candidateInputs, steps, hidden, transposingA: true,
                RecurrentKernel.columns(dRecurrent, width: width, (2 * hidden)..<width), steps,
                hidden)
            du = RecurrentKernel.replacingColumns(
                du, width: width, from: 2 * hidden, with: dN, rows: hidden)
        }
        return Gradients(
            dx: products.dx, dState: dh, dw: products.dw, du: du,
            dInputBias: RecurrentKernel.columnSums(dInput, columns: width),
            dRecurrentBias: RecurrentKernel.columnSums(dRecurrent, columns: width))
    }

    /// One step back: `δaₓ` and `δaₕ` of step `t`, from `δhₜ` (the output's gradient plus
    /// `dh`, the gradient through the next step); `dh` becomes `δhₜ ⊙ zₜ` (plus `δs ⊙ rₜ`
    /// reset before), to which the caller adds `δaₕ·Uᵀ` (reset before, `carry·Uᵀ`). Reset
    /// before, `resetBefore` holds `Uₙᵀ`, a row of scratch space and the carry to fill;
    /// `sign` is -1 for complemented gates (reset before only).
    @inline(__always)
    private static func stepBack<Scalar: TensorScalar>(
        _ dy: UnsafePointer<Scalar>, _ gates: UnsafePointer<Scalar>,
        _ candidateInputs: UnsafePointer<Scalar>, _ previous: UnsafePointer<Scalar>, _ t: Int,
        _ dInput: UnsafeMutablePointer<Scalar>, _ dRecurrent: UnsafeMutablePointer<Scalar>,
        _ dh: UnsafeMutablePointer<Scalar>,
        _ resetBefore: (
            uNTransposed: UnsafePointer<Scalar>, scratch: UnsafeMutablePointer<Scalar>,
            carry: UnsafeMutablePointer<Scalar>
        )?,
        _ shape: Shape, sign: Scalar
    ) {
        let hidden = shape.hidden
        let width = 3 * hidden
        for n in 0..<shape.batch {
            let (gate, input, recurrent) = (
                gates + n * width, dInput + n * width, dRecurrent + n * width
            )
            let output = dy + (n * shape.time + t) * hidden
            let offset = n * hidden
            if let resetBefore {
                stepBackResetBefore(
                    output, gate, previous + offset, input, recurrent, dh + offset,
                    resetBefore.uNTransposed, resetBefore.scratch,
                    resetBefore.carry + n * width, hidden: hidden, sign: sign)
                continue
            }
            for j in 0..<hidden {
                let (r, z, candidate) = (gate[j], gate[hidden + j], gate[2 * hidden + j])
                let dhT = output[j] + dh[offset + j]
                let dCandidate = dhT * (1 - z) * (1 - candidate * candidate)
                let dUpdate = dhT * (previous[offset + j] - candidate) * z * (1 - z)
                let dReset = dCandidate * candidateInputs[offset + j] * r * (1 - r)
                (input[j], input[hidden + j], input[2 * hidden + j]) = (dReset, dUpdate, dCandidate)
                (recurrent[j], recurrent[hidden + j]) = (dReset, dUpdate)
                recurrent[2 * hidden + j] = dCandidate * r
                dh[offset + j] = dhT * z
            }
        }
    }

    /// ``stepBack`` for one row of the reset-before form.
    @inline(__always)
    private static func stepBackResetBefore<Scalar: TensorScalar>(
        _ output: UnsafePointer<Scalar>, _ gate: UnsafePointer<Scalar>,
        _ previous: UnsafePointer<Scalar>, _ input: UnsafeMutablePointer<Scalar>,
        _ recurrent: UnsafeMutablePointer<Scalar>, _ dh: UnsafeMutablePointer<Scalar>,
        _ uNTransposed: UnsafePointer<Scalar>, _ dS: UnsafeMutablePointer<Scalar>,
        _ carry: UnsafeMutablePointer<Scalar>, hidden: Int, sign: Scalar
    ) {
        for j in 0..<hidden {
            let (z, candidate) = (gate[hidden + j], gate[2 * hidden + j])
            let dhT = output[j] + dh[j]
            let dCandidate = dhT * (1 - z) * (1 - candidate * candidate)
            let dUpdate = sign * dhT * (previous[j] - candidate) * z * (1 - z)
            (input[hidden + j], input[2 * hidden + j]) = (dUpdate, dCandidate)
            (recurrent[hidden + j], recurrent[2 * hidden + j]) = (dUpdate, dCandidate)
            (carry[hidden + j], carry[2 * hidden + j]) = (dUpdate, 0)
            dh[j] = dhT * z
        }
        // δs = δaⁿ·Uₙᵀ, one row.
        dS.update(repeating: 0, count: hidden)
        RecurrentKernel.accumulateProduct(
            input + 2 * hidden, rows: 1, depth: hidden, uNTransposed, width: hidden, into: dS)
        for j in 0..<hidden {
            let r = gate[j]
            let dReset = sign * dS[j] * previous[j] * r * (1 - r)
            (input[j], recurrent[j], carry[j]) = (dReset, dReset, dReset)
            dh[j] += dS[j] * r
        }
    }
}
