/// The gradient of a scalar function of a module's parameters, one tensor per parameter in
/// the order of `parameters`: `∇_θ L(θ)`.
///
/// The module is not changed; the function sees a copy whose parameters require gradients.
public func gradient<Model: Module>(
    at model: Model, in function: (Model) -> Tensor<Model.Scalar>
) -> [Tensor<Model.Scalar>] {
    valueWithGradient(at: model, in: function).gradient
}

/// The value of a scalar function of a module's parameters, with its gradient, from one
/// evaluation: `L(θ)`, `∇_θ L(θ)`.
public func valueWithGradient<Model: Module>(
    at model: Model, in function: (Model) -> Tensor<Model.Scalar>
) -> (value: Tensor<Model.Scalar>, gradient: [Tensor<Model.Scalar>]) {
    var tracked = model
    tracked.parameters = model.parameters.map { $0.requiringGradient() }
    let value = function(tracked)
    guard value.scalarCount == 1 else {
        fatalError(
            "gradient(at:in:): the function must return a tensor holding one scalar, such as "
                + "a loss; it returned shape \(value.shape)")
    }
    if value.requiresGradient { value.backward() }
    let gradients = tracked.parameters.map { $0.gradient ?? .zeros(shape: $0.shape) }
    return (value.detached(), gradients)
}
