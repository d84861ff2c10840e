/// Gradient descent with momentum: `v ← μv + g`, `θ ← θ - ηv`.
///
/// The velocity `v` is a running sum of past gradients, decayed by `μ` each step, so steps
/// grow along directions the gradient keeps pointing and cancel along ones where it
/// oscillates. This is PyTorch's formulation (the first `v` is the first gradient).
public struct MomentumSGD<Scalar: TensorScalar>: Optimizer {
    /// The step size `η`.
    public var learningRate: Scalar
    /// The decay `μ` of the velocity, typically 0.9.
    public var momentum: Scalar
    /// The velocity of each parameter, by position; empty before the first step.
    public private(set) var velocities: [Tensor<Scalar>] = []

    /// An optimizer with step size `learningRate` and velocity decay `momentum`.
    public init(learningRate: Scalar, momentum: Scalar = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// Takes one step: `v ← μv + g`, then `θ ← θ - ηv`, for every parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) {
        checkGradients(parameters, gradients, for: "MomentumSGD")
        if velocities.isEmpty {
            velocities = gradients.map { $0.detached() }
        } else {
            for index in velocities.indices {
                velocities[index] = velocities[index] * momentum + gradients[index].detached()
            }
        }
        for index in parameters.indices {
            let parameter = parameters[index]
            parameters[index] = parameter.replaced(
                by: parameter.detached() - velocities[index] * learningRate)
        }
    }
}
