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
            // One pass, `θᵢ - gᵢ·η`: the product rounded, then the difference, as `θ - g * η`
            // would compute it in two passes and two arrays.
            let parameter = parameters[index]
            let scalars = ElementwiseKernel.subtractScaled(
                parameter.scalars, gradients[index].scalars, learningRate)
            parameters[index] = parameter.replaced(
                by: Tensor(shape: parameter.shape, scalars: scalars, node: nil))
        }
    }
}
