// The losses of a generative adversarial network (Goodfellow et al. 2014), on the logits the
// discriminator gives (scores before a sigmoid, D(x) = σ(logit)).

/// The discriminator's loss: the binary cross-entropy of calling real samples real and
/// generated ones fake, `L_D = -mean log D(x) - mean log(1 - D(G(z)))`.
public func ganDiscriminatorLoss<Scalar>(realLogits: Tensor<Scalar>, fakeLogits: Tensor<Scalar>)
    -> Tensor<Scalar>
{
    binaryCrossEntropy(logits: realLogits, labels: .ones(shape: realLogits.shape))
        + binaryCrossEntropy(logits: fakeLogits, labels: .zeros(shape: fakeLogits.shape))
}

/// The generator's non-saturating loss, `L_G = -mean log D(G(z))`.
///
/// Goodfellow et al.'s minimax game asks the generator to minimise `log(1 - D(G(z)))`, whose
/// gradient vanishes exactly when the generator is losing (`D(G(z)) ≈ 0`); maximising
/// `log D(G(z))` instead has the same fixed point and a strong gradient there. Its gradient
/// with respect to a logit `ℓ` is `-(1 - σ(ℓ))/n`.
public func ganGeneratorLoss<Scalar>(fakeLogits: Tensor<Scalar>) -> Tensor<Scalar> {
    binaryCrossEntropy(logits: fakeLogits, labels: .ones(shape: fakeLogits.shape))
}

/// ``ganDiscriminatorLoss(realLogits:fakeLogits:)`` with its terms combined as `reduction`
/// says: `.mean` is the loss above (the sum of the two means), `.sum` the sum of every term,
/// and `.none` the terms `-log D(x)` of the real samples followed by `-log(1 - D(G(z)))` of
/// the generated ones, flattened into one vector of `real + fake` elements.
public func ganDiscriminatorLoss<Scalar>(
    realLogits: Tensor<Scalar>, fakeLogits: Tensor<Scalar>, reduction: LossReduction
) -> Tensor<Scalar> {
    guard reduction != .mean else {
        return ganDiscriminatorLoss(realLogits: realLogits, fakeLogits: fakeLogits)
    }
    let real = binaryCrossEntropy(
        logits: realLogits, labels: .ones(shape: realLogits.shape), reduction: .none)
    let fake = binaryCrossEntropy(
        logits: fakeLogits, labels: .zeros(shape: fakeLogits.shape), reduction: .none)
    let terms = Tensor.concatenated([
        real.reshaped(to: [real.scalarCount]), fake.reshaped(to: [fake.scalarCount]),
    ])
    return reduction.apply(terms)
}

/// ``ganGeneratorLoss(fakeLogits:)`` with the terms `-log D(G(z))` combined as `reduction`
/// says: their mean (the loss above), their sum, or the terms themselves, shaped like
/// `fakeLogits`.
public func ganGeneratorLoss<Scalar>(fakeLogits: Tensor<Scalar>, reduction: LossReduction)
    -> Tensor<Scalar>
{
    binaryCrossEntropy(
        logits: fakeLogits, labels: .ones(shape: fakeLogits.shape), reduction: reduction)
}
