/// A rule that moves parameters against their gradients: the one-method optimizer contract.
///
/// `parameters` and `gradients` correspond by position, as ``Module/parameters`` lists them;
/// an optimizer with state (momentum, Adam's moments) keeps it per position, so pass the same
/// parameters in the same order at every step. Updated parameters are fresh leaves: those that
/// required a gradient still do, cut from the graph of the step before.
public protocol Optimizer {
    /// The scalar type of the parameters.
    associatedtype Scalar: TensorScalar
    /// Takes one step: replaces each parameter with its updated value.
    mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>])
}

extension Optimizer {
    /// Stops unless there is one gradient of the right shape for each parameter.
    func checkGradients(
        _ parameters: [Tensor<Scalar>], _ gradients: [Tensor<Scalar>], for name: String
    ) {
        guard parameters.count == gradients.count else {
            fatalError(
                "\(name).update: \(parameters.count) parameters but \(gradients.count) gradients")
        }
        for (index, (parameter, gradient)) in zip(parameters, gradients).enumerated() {
            guard parameter.shape == gradient.shape else {
                fatalError(
                    "\(name).update: parameter \(index) has shape \(parameter.shape) but its "
                        + "gradient has shape \(gradient.shape)")
            }
        }
    }
}

extension Tensor {
    /// `values` as this parameter's replacement: a leaf requiring a gradient if this did.
    func replaced(by values: Tensor) -> Tensor {
        let constant = values.detached()
        return requiresGradient ? constant.requiringGradient() : constant
    }
}
