/// Adam (Kingma and Ba, 2015): steps scaled by running estimates of the gradient's first and
/// second moments.
///
/// At step `t`, for each parameter:
/// - `m ← β₁m + (1 - β₁)g` and `v ← β₂v + (1 - β₂)g²`, the moment estimates;
/// - `m̂ = m / (1 - β₁ᵗ)` and `v̂ = v / (1 - β₂ᵗ)`, corrected for starting at zero;
/// - `θ ← θ - η·m̂ / (√v̂ + ε)`.
///
/// `ε` is added **after** the square root, to `√v̂`, as in the paper and in PyTorch and
/// TensorFlow's Keras; it only guards against dividing by zero.
public struct Adam<Scalar: TensorScalar>: Optimizer {
    /// The step size `η`.
    public var learningRate: Scalar
    /// The decay `β₁` of the first-moment estimate.
    public var beta1: Scalar
    /// The decay `β₂` of the second-moment estimate.
    public var beta2: Scalar
    /// The `ε` added to `√v̂`.
    public var epsilon: Scalar
    /// The number of steps taken, `t`.
    public private(set) var step = 0
    /// The first-moment estimates `m`, by parameter position.
    public private(set) var firstMoments: [Tensor<Scalar>] = []
    /// The second-moment estimates `v`, by parameter position.
    public private(set) var secondMoments: [Tensor<Scalar>] = []

    /// An Adam optimizer; the defaults are the paper's.
    public init(
        learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
        epsilon: Scalar = 1e-8
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Takes one step of Adam for every parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) {
        checkGradients(parameters, gradients, for: "Adam")
        if firstMoments.isEmpty {
            firstMoments = parameters.map { .zeros(shape: $0.shape) }
            secondMoments = firstMoments
        }
        step += 1
        let firstCorrection = 1 - Scalar.pow(beta1, Scalar(step))
        let secondCorrection = 1 - Scalar.pow(beta2, Scalar(step))
        for index in parameters.indices {
            let g = gradients[index].detached()
            firstMoments[index] = firstMoments[index] * beta1 + g * (1 - beta1)
            secondMoments[index] = secondMoments[index] * beta2 + g * g * (1 - beta2)
            let mHat = firstMoments[index] / firstCorrection
            let vHat = secondMoments[index] / secondCorrection
            let parameter = parameters[index]
            parameters[index] = parameter.replaced(
                by: parameter.detached() - learningRate * mHat / (sqrt(vHat) + epsilon))
        }
    }
}
