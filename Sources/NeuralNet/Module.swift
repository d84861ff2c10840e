/// A model, or a part of one, with trainable parameters: the contract layers adopt.
///
/// An optimizer updates any module through its parameters, in a fixed order:
///
/// ```swift
/// let gradients = gradient(at: model) { model in
///     softmaxCrossEntropy(logits: model(inputs), labels: labels)
/// }
/// optimizer.update(&model.parameters, gradients: gradients)
/// ```
///
/// `parameters` must list the same tensors in the same order every time it is read, and
/// setting it must put each tensor back where it was read from.
public protocol Module {
    /// The scalar type of the parameters.
    associatedtype Scalar: TensorScalar
    /// The trainable tensors, in a fixed order.
    var parameters: [Tensor<Scalar>] { get set }
}
