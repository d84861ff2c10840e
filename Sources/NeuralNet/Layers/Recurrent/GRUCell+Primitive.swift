/// One GRU step, in any formulation of ``GRUCell``, as a single primitive with its
/// derivative rule, derived by hand. With `δh` the gradient of `hₜ`:
///
/// ```
/// δn = δh ⊙ (1 - zₜ)   δaⁿ = δn ⊙ (1 - nₜ²)   δaᶻ = δh ⊙ (hₜ₋₁ - nₜ) ⊙ zₜ(1 - zₜ)
/// resetAfter:  δr = δaⁿ ⊙ (hₜ₋₁·Uₙ + bₕₙ)
/// resetBefore: δ(r⊙h) = δaⁿ·Uₙᵀ,  δr = δ(r⊙h) ⊙ hₜ₋₁  (and hₜ₋₁ receives δ(r⊙h) ⊙ rₜ)
/// δaʳ = δr ⊙ rₜ(1 - rₜ)
/// ```
///
/// then the products: `δx = δaₓ·Wᵀ`, `δW = xᵀ·δaₓ` and so on for `U`, with
/// `δaₓ = [δaʳ δaᶻ δaⁿ]`.
///
/// The complemented form is the reset-before one on the gates `1 - rₜ` and `1 - zₜ`, whose
/// pre-activation derivatives change sign: `δaʳ = -δr' ⊙ r'(1 - r')` with `r' = 1 - rₜ`.
///
/// The rule is joint: the elementwise backward step runs once per gradient, whichever inputs
/// are tracked.
extension Primitive {
    /// `hₜ` from `x` `[batch, inputSize]` and `hₜ₋₁` `[batch, hidden]`.
    static func gruStep(
        _ x: T, _ state: T, _ w: T, _ u: T, _ inputBias: T, _ recurrentBias: T,
        formulation: GRUFormulation
    ) -> T {
        gruStepRecordingGates(
            x, state, w, u, inputBias, recurrentBias, formulation: formulation
        ).hidden
    }

    /// ``gruStep(_:_:_:_:_:_:formulation:)`` and the step's gates (constants).
    static func gruStepRecordingGates(
        _ x: T, _ state: T, _ w: T, _ u: T, _ inputBias: T, _ recurrentBias: T,
        formulation: GRUFormulation
    ) -> (hidden: T, gates: GRUKernel.Forward<Scalar>) {
        let (batch, inputSize, hidden) = (x.shape[0], x.shape[1], u.shape[0])
        let width = 3 * hidden
        let (xs, ws, us, h) = (x.scalars, w.scalars, u.scalars, state.scalars)
        var gx = RecurrentKernel.product(xs, batch, inputSize, ws, inputSize, width)
        RecurrentKernel.addBias(&gx, inputBias.scalars, width: width)
        let forward = GRUKernel.forward(
            gx, h, us, recurrentBias.scalars, hidden: hidden, formulation: formulation)
        let y = T(shape: [batch, hidden], scalars: forward.hidden, node: nil)
        let uN = RecurrentKernel.columns(us, width: width, (2 * hidden)..<width)
        let resetAfter = formulation == .resetAfter
        let inputs = [x, state, w, u, inputBias, recurrentBias]
        let detachedInputs = inputs.map { $0.detached() }
        let result = record("gruStep", inputs, y) { tracked in
            { dy in
                let g = GRUKernel.backward(
                    dy.scalars, forward, h, uN, hidden: hidden, formulation: formulation)
                var scalars: [[Scalar]] = Array(repeating: [], count: 6)
                if tracked[0] {
                    scalars[0] = RecurrentKernel.product(
                        g.dgx, batch, width, ws, inputSize, width, transposingB: true)
                }
                if tracked[1] {
                    let dh = RecurrentKernel.product(
                        g.dghState, batch, width, us, hidden, width, transposingB: true)
                    scalars[1] = RecurrentKernel.sum(dh, g.dhPartial)
                }
                if tracked[2] {
                    scalars[2] = RecurrentKernel.product(
                        xs, batch, inputSize, transposingA: true, g.dgx, batch, width)
                }
                if tracked[3] {
                    let du = RecurrentKernel.product(
                        h, batch, hidden, transposingA: true, g.dghState, batch, width)
                    if resetAfter {
                        scalars[3] = du
                    } else {
                        // The candidate's columns see (r ⊙ h), not h.
                        let dN = RecurrentKernel.product(
                            forward.candidateInput, batch, hidden, transposingA: true,
                            g.dCandidate, batch, hidden)
                        scalars[3] = RecurrentKernel.replacingColumns(
                            du, width: width, from: 2 * hidden, with: dN, rows: hidden)
                    }
                }
                if tracked[4] { scalars[4] = RecurrentKernel.columnSums(g.dgx, columns: width) }
                if tracked[5] { scalars[5] = RecurrentKernel.columnSums(g.dgh, columns: width) }
                return gradients(of: detachedInputs, scalars, tracked: tracked)
            }
        }
        return (result, forward)
    }
}

/// The elementwise part of a GRU step, forward and backward.
enum GRUKernel {
    /// What the backward pass needs from the forward pass.
    struct Forward<Scalar: TensorScalar>: Sendable {
        var reset: [Scalar]
        var update: [Scalar]
        var candidate: [Scalar]
        /// What multiplies `Uₙ`'s gradient: `hₜ₋₁·Uₙ + bₕₙ` (reset after) or `rₜ ⊙ hₜ₋₁`
        /// (reset before).
        var candidateInput: [Scalar]
        var hidden: [Scalar]
    }

    /// The gradients of the pre-activations and the part of `δhₜ₋₁` not through `U`'s
    /// reset and update columns.
    struct Backward<Scalar: TensorScalar>: Sendable {
        /// `[δaʳ δaᶻ δaⁿ]`, the input side.
        var dgx: [Scalar]
        /// The recurrent pre-activations' gradient, `bₕ`'s per row.
        var dgh: [Scalar]
        /// What multiplies `Uᵀ` to give `δhₜ₋₁` (the candidate's columns zero when reset
        /// before, since that path goes through `r ⊙ h`).
        var dghState: [Scalar]
        /// `δh ⊙ zₜ`, plus `δ(r⊙h) ⊙ rₜ` when reset before.
        var dhPartial: [Scalar]
        /// `δaⁿ`.
        var dCandidate: [Scalar]
    }

    /// The forward step from the input pre-activations `gx = x·W + bₓ`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forward<Scalar: TensorScalar>(
        _ gx: [Scalar], _ h: [Scalar], _ u: [Scalar], _ bh: [Scalar], hidden: Int,
        formulation: GRUFormulation
    ) -> Forward<Scalar> {
        let resetAfter = formulation == .resetAfter
        let width = 3 * hidden
        let batch = h.count / hidden
        var gh = RecurrentKernel.product(h, batch, hidden, u, hidden, width)
        RecurrentKernel.addBias(&gh, bh, width: width)
        var result = Forward<Scalar>(
            reset: [], update: [], candidate: [], candidateInput: [], hidden: [])
        (result.reset, result.update) = gates(gx, gh, hidden: hidden)
        if formulation == .complementedGates {
            // The reset-before step on `1 - rₜ` and `1 - zₜ`.
            for index in result.reset.indices {
                result.reset[index] = 1 - result.reset[index]
                result.update[index] = 1 - result.update[index]
            }
        }
        if resetAfter {
            result.candidateInput = RecurrentKernel.columns(gh, width: width, (2 * hidden)..<width)
        } else {
            let resetState = zip(result.reset, h).map { $0 * $1 }
            var product = RecurrentKernel.product(
                resetState, batch, hidden,
                RecurrentKernel.columns(u, width: width, (2 * hidden)..<width), hidden, hidden)
            RecurrentKernel.addBias(&product, Array(bh[(2 * hidden)..<width]), width: hidden)
            result.candidateInput = resetState
            result.candidate = product
        }
        (result.candidate, result.hidden) = candidateAndHidden(
            gx, result, h, hidden: hidden, resetAfter: resetAfter)
        return result
    }

    /// `rₜ = σ(aʳ + rʰ)` and `zₜ = σ(aᶻ + zʰ)`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func gates<Scalar: TensorScalar>(_ gx: [Scalar], _ gh: [Scalar], hidden: Int)
        -> ([Scalar], [Scalar])
    {
        let batch = gx.count / (3 * hidden)
        var reset = [Scalar](repeating: 0, count: batch * hidden)
        var update = reset
        for n in 0..<batch {
            for j in 0..<hidden {
                let base = n * 3 * hidden + j
                reset[n * hidden + j] = RecurrentKernel.sigmoid(gx[base] + gh[base])
                update[n * hidden + j] = RecurrentKernel.sigmoid(
                    gx[base + hidden] + gh[base + hidden])
            }
        }
        return (reset, update)
    }

    /// `nₜ` and `hₜ = (1 - zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁`. Reset before, `forward.candidate` holds
    /// `(rₜ ⊙ hₜ₋₁)·Uₙ + bₕₙ` on entry.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func candidateAndHidden<Scalar: TensorScalar>(
        _ gx: [Scalar], _ forward: Forward<Scalar>, _ h: [Scalar], hidden: Int, resetAfter: Bool
    ) -> ([Scalar], [Scalar]) {
        var candidate = [Scalar](repeating: 0, count: h.count)
        var next = candidate
        for index in h.indices {
            let (n, j) = (index / hidden, index % hidden)
            let recurrent =
                resetAfter
                ? forward.reset[index] * forward.candidateInput[index] : forward.candidate[index]
            let value = Scalar.tanh(gx[n * 3 * hidden + 2 * hidden + j] + recurrent)
            let z = forward.update[index]
            candidate[index] = value
            next[index] = (1 - z) * value + z * h[index]
        }
        return (candidate, next)
    }

    /// The gradients of one step given `δhₜ`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func backward<Scalar: TensorScalar>(
        _ dy: [Scalar], _ forward: Forward<Scalar>, _ h: [Scalar], _ uN: [Scalar], hidden: Int,
        formulation: GRUFormulation
    ) -> Backward<Scalar> {
        let resetAfter = formulation == .resetAfter
        // The complemented gates `1 - σ(a)` have the derivative `-σ(a)(1 - σ(a))`.
        let sign: Scalar = formulation == .complementedGates ? -1 : 1
        let batch = h.count / hidden
        var dCandidate = [Scalar](repeating: 0, count: h.count)
        var dhPartial = dCandidate
        var dUpdate = dCandidate
        for index in h.indices {
            let (z, n) = (forward.update[index], forward.candidate[index])
            dCandidate[index] = dy[index] * (1 - z) * (1 - n * n)
            dUpdate[index] = sign * dy[index] * (h[index] - n) * z * (1 - z)
            dhPartial[index] = dy[index] * z
        }
        var dReset = [Scalar](repeating: 0, count: h.count)
        if resetAfter {
            for index in h.indices {
                dReset[index] = dCandidate[index] * forward.candidateInput[index]
            }
        } else {
            let dResetState = RecurrentKernel.product(
                dCandidate, batch, hidden, uN, hidden, hidden, transposingB: true)
            for index in h.indices {
                dReset[index] = dResetState[index] * h[index]
                dhPartial[index] += dResetState[index] * forward.reset[index]
            }
        }
        let width = 3 * hidden
        var result = Backward<Scalar>(
            dgx: [Scalar](repeating: 0, count: batch * width), dgh: [], dghState: [],
            dhPartial: dhPartial, dCandidate: dCandidate)
        result.dgh = result.dgx
        result.dghState = result.dgx
        for index in h.indices {
            let (n, j) = (index / hidden, index % hidden)
            let r = forward.reset[index]
            let base = n * width + j
            let dr = sign * dReset[index] * r * (1 - r)
            for target in [base, base + hidden] {
                let value = target == base ? dr : dUpdate[index]
                result.dgx[target] = value
                result.dgh[target] = value
                result.dghState[target] = value
            }
            result.dgx[base + 2 * hidden] = dCandidate[index]
            result.dgh[base + 2 * hidden] = resetAfter ? dCandidate[index] * r : dCandidate[index]
            result.dghState[base + 2 * hidden] = resetAfter ? dCandidate[index] * r : 0
        }
        return result
    }
}
