/// Where a ``GRUCell``'s reset gate applies, and which way its update gate points.
///
/// With `aⁿ` the candidate's input pre-activation, `Uₙ` and `bₕₙ` the candidate's columns of
/// the recurrent weight and bias, `rₜ`, `zₜ` the reset and update gates:
public enum GRUFormulation: Sendable, Equatable {
    /// Cho et al. 2014 (Keras `reset_after=False`): `nₜ = tanh(aⁿ + (rₜ ⊙ hₜ₋₁)·Uₙ + bₕₙ)`,
    /// `hₜ = (1 - zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁`.
    case resetBefore
    /// PyTorch, cuDNN (Keras `reset_after=True`): `nₜ = tanh(aⁿ + rₜ ⊙ (hₜ₋₁·Uₙ + bₕₙ))`,
    /// `hₜ = (1 - zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁`.
    case resetAfter
    /// Both gates complemented, as some texts print the GRU (Chung et al.'s update with the
    /// reset gate read as "how much to forget"):
    /// `nₜ = tanh(aⁿ + ((1 - rₜ) ⊙ hₜ₋₁)·Uₙ + bₕₙ)`, `hₜ = zₜ ⊙ nₜ + (1 - zₜ) ⊙ hₜ₋₁`.
    ///
    /// Since `1 - σ(a) = σ(-a)`, it is ``GRUFormulation/resetBefore`` with the reset and update gates'
    /// weights and biases negated: the same family of functions, the gates' meanings swapped
    /// (`rₜ = 1` forgets the past, `zₜ = 1` takes the candidate whole).
    case complementedGates
}

/// The gated recurrent unit (Cho et al. 2014), in any of three formulations.
///
/// With `[aʳ aᶻ aⁿ] = xₜ·W + bₓ` and `[rʰ zʰ nʰ] = hₜ₋₁·U + bₕ` (columns in PyTorch's gate
/// order reset, update, new):
///
/// ```
/// rₜ = σ(aʳ + rʰ)        zₜ = σ(aᶻ + zʰ)
/// resetBefore (Cho et al. 2014; Keras reset_after=False):
///     nₜ = tanh(aⁿ + (rₜ ⊙ hₜ₋₁)·Uₙ + bₕₙ)
/// resetAfter (PyTorch, cuDNN; Keras reset_after=True):
///     nₜ = tanh(aⁿ + rₜ ⊙ (hₜ₋₁·Uₙ + bₕₙ))
/// hₜ = (1 - zₜ) ⊙ nₜ + zₜ ⊙ hₜ₋₁
/// complementedGates:
///     nₜ = tanh(aⁿ + ((1 - rₜ) ⊙ hₜ₋₁)·Uₙ + bₕₙ)    hₜ = zₜ ⊙ nₜ + (1 - zₜ) ⊙ hₜ₋₁
/// ```
///
/// where `Uₙ` and `bₕₙ` are the last third of `U` and `bₕ`. The first two forms differ only
/// in whether the reset gate scales the previous state before or after its product with `Uₙ`;
/// the "after" form lets a GPU compute `hₜ₋₁·U` for all three gates in one product. Both keep
/// the update-gate convention of Cho et al. and PyTorch: `zₜ = 1` keeps the old state. The
/// third, ``GRUFormulation/complementedGates``, flips both gates of the first.
public struct GRUCell<Scalar: TensorScalar>: RecurrentCell {
    /// Where the reset gate applies; see ``GRUFormulation``.
    public typealias Formulation = GRUFormulation

    /// The input weight `W`, `[inputSize, 3·hiddenSize]`.
    public var inputWeight: Tensor<Scalar>
    /// The recurrent weight `U`, `[hiddenSize, 3·hiddenSize]`.
    public var recurrentWeight: Tensor<Scalar>
    /// The input bias `bₓ`, `[3·hiddenSize]`.
    public var inputBias: Tensor<Scalar>
    /// The recurrent bias `bₕ`, `[3·hiddenSize]`.
    public var recurrentBias: Tensor<Scalar>
    /// Which formulation the cell computes.
    public let formulation: Formulation

    /// A cell with Glorot-uniform weights drawn from `generator` and zero biases.
    public init(
        inputSize: Int, hiddenSize: Int, formulation: Formulation = .resetAfter,
        using generator: inout some RandomNumberGenerator
    ) {
        inputWeight = .glorotUniform(shape: [inputSize, 3 * hiddenSize], using: &generator)
        recurrentWeight = .glorotUniform(
            shape: [hiddenSize, 3 * hiddenSize], using: &generator)
        inputBias = .zeros(shape: [3 * hiddenSize])
        recurrentBias = .zeros(shape: [3 * hiddenSize])
        self.formulation = formulation
    }

    /// A cell with the given weights and biases.
    public init(
        inputWeight: Tensor<Scalar>, recurrentWeight: Tensor<Scalar>, inputBias: Tensor<Scalar>,
        recurrentBias: Tensor<Scalar>, formulation: Formulation = .resetAfter
    ) {
        let hiddenSize = recurrentWeight.shape.first ?? 0
        guard inputWeight.rank == 2, inputWeight.shape[1] == 3 * hiddenSize,
            recurrentWeight.shape == [hiddenSize, 3 * hiddenSize],
            inputBias.shape == [3 * hiddenSize], recurrentBias.shape == [3 * hiddenSize]
        else {
            fatalError(
                "GRUCell: weights \(inputWeight.shape), \(recurrentWeight.shape) and biases "
                    + "\(inputBias.shape), \(recurrentBias.shape) need [inputSize, 3h], [h, 3h], "
                    + "[3h] and [3h]")
        }
        self.inputWeight = inputWeight
        self.recurrentWeight = recurrentWeight
        self.inputBias = inputBias
        self.recurrentBias = recurrentBias
        self.formulation = formulation
    }

    /// The number of input features.
    public var inputSize: Int { inputWeight.shape[0] }
    /// The number of hidden units.
    public var hiddenSize: Int { recurrentWeight.shape[0] }

    /// `W`, `U`, `bₓ` and `bₕ`, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [inputWeight, recurrentWeight, inputBias, recurrentBias] }
        set {
            (inputWeight, recurrentWeight, inputBias, recurrentBias) = (
                newValue[0], newValue[1], newValue[2], newValue[3]
            )
        }
    }

    /// Zeros, `[batchSize, hiddenSize]`.
    public func zeroState(batchSize: Int) -> Tensor<Scalar> {
        .zeros(shape: [batchSize, hiddenSize])
    }

    /// `hₜ`, both as output and as the next state.
    public func callAsFunction(_ input: Tensor<Scalar>, state: Tensor<Scalar>) -> (
        output: Tensor<Scalar>, state: Tensor<Scalar>
    ) {
        requireInput(input, batch: state.shape[0], for: "GRUCell")
        let hidden = Primitive.gruStep(
            input, state, inputWeight, recurrentWeight, inputBias, recurrentBias,
            formulation: formulation)
        return (hidden, hidden)
    }

    /// Every step at once, as one primitive (see `GRUSequence+Primitive.swift`): the same
    /// equations as calling the cell step by step, with one product per weight gradient.
    public func unroll(_ sequence: Tensor<Scalar>, from state: Tensor<Scalar>) -> (
        outputs: Tensor<Scalar>, finalState: Tensor<Scalar>
    ) {
        let batch = state.shape[0]
        requireSequence(sequence, batch: batch, for: "GRUCell")
        let time = sequence.shape[1]
        let outputs = Primitive.gruSequence(
            sequence, state, inputWeight, recurrentWeight, inputBias, recurrentBias,
            formulation: formulation)
        let last = Primitive.slice(outputs, alongAxis: 1, (time - 1)..<time)
        return (outputs, last.reshaped(to: [batch, hiddenSize]))
    }
}
