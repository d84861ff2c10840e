/// Stochastic gradient descent: `θ ← θ - η·g`.
///
/// ```swift
/// var optimizer = SGD<Float>(learningRate: 0.1)
/// optimizer.update(&model.parameters, gradients: gradients)
/// ```
public struct SGD<Scalar: TensorScalar>: Optimizer {
    /// The step size `η`.
    public var learningRate: Scalar

    /// An optimizer that steps by `learningRate` times the gradient.
    public init(learningRate: Scalar) {
        self.learningRate = learningRate
    }

    /// Takes one step: `θ ← θ - η·g` for every parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) {
        checkGradients(parameters, gradients, for: "SGD")
        for index in parameters.indices {
            let parameter = parameters[index]
            parameters[index] = parameter.replaced(
                by: parameter.detached() - gradients[index].detached() * learningRate)
        }
    }
}
