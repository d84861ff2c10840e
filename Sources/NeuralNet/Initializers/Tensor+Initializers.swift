/// Initial weights scaled to the layer's size, so that signals neither grow nor fade as they
/// pass through many layers.
///
/// *Fan-in* is the number of inputs each output sums, *fan-out* the number of outputs each
/// input feeds. They are read from the shape: a matrix `[fanIn, fanOut]` (the `x·W` layout
/// this library's layers use); for rank 3 or more, PyTorch's convolution layout
/// `[out, in, k…]`, with fan-in `in·Πk` and fan-out `out·Πk`; a vector `[n]` has both `n`.
///
/// Every draw comes from the generator passed in, so the same seed gives the same weights on
/// every run.
extension Tensor {
    /// Glorot (Xavier) uniform: `U(-a, a)` with `a = √(6 / (fanIn + fanOut))`.
    public static func glorotUniform(
        shape: [Int], using generator: inout some RandomNumberGenerator,
        requiresGradient: Bool = false
    ) -> Tensor {
        let (fanIn, fanOut) = fans(of: shape)
        let limit = Scalar((6 / Double(fanIn + fanOut)).squareRoot())
        return random(
            shape: shape, in: -limit...limit, using: &generator,
            requiresGradient: requiresGradient)
    }

    /// Glorot (Xavier) normal: `N(0, σ²)` with `σ = √(2 / (fanIn + fanOut))`.
    public static func glorotNormal(
        shape: [Int], using generator: inout some RandomNumberGenerator,
        requiresGradient: Bool = false
    ) -> Tensor {
        let (fanIn, fanOut) = fans(of: shape)
        return randomNormal(
            shape: shape, standardDeviation: Scalar((2 / Double(fanIn + fanOut)).squareRoot()),
            using: &generator, requiresGradient: requiresGradient)
    }

    /// He (Kaiming) uniform, for ReLU layers: `U(-a, a)` with `a = √(6 / fanIn)`.
    public static func heUniform(
        shape: [Int], using generator: inout some RandomNumberGenerator,
        requiresGradient: Bool = false
    ) -> Tensor {
        let limit = Scalar((6 / Double(fans(of: shape).fanIn)).squareRoot())
        return random(
            shape: shape, in: -limit...limit, using: &generator,
            requiresGradient: requiresGradient)
    }

    /// He (Kaiming) normal, for ReLU layers: `N(0, σ²)` with `σ = √(2 / fanIn)`.
    public static func heNormal(
        shape: [Int], using generator: inout some RandomNumberGenerator,
        requiresGradient: Bool = false
    ) -> Tensor {
        randomNormal(
            shape: shape,
            standardDeviation: Scalar((2 / Double(fans(of: shape).fanIn)).squareRoot()),
            using: &generator, requiresGradient: requiresGradient)
    }

    /// The fan-in and fan-out a weight of `shape` has, as described above.
    static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        switch shape.count {
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        case 3...:
            let receptive = shape[2...].reduce(1, *)
            return (shape[1] * receptive, shape[0] * receptive)
        default:
            fatalError("initializer: a scalar shape \(shape) has no fan-in or fan-out")
        }
    }
}
