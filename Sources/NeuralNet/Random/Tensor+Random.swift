#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// Tensors of random numbers.
///
/// Both draw each number in `Double` from the generator's 64-bit outputs with arithmetic
/// written here, rather than the standard library's `random(in:using:)`, whose method is not
/// promised to stay the same; so a seeded generator gives the same tensor on every run, and a
/// `Tensor<Float>` holds the same draws as a `Tensor<Double>`, rounded.
extension Tensor {
    /// A tensor of numbers drawn uniformly from `range`, in row-major order.
    ///
    /// ```swift
    /// var generator = SeededGenerator(seed: 42)
    /// let weights = Tensor<Double>.random(shape: [2, 3], in: -1...1, using: &generator)
    /// ```
    public static func random<Generator: RandomNumberGenerator>(
        shape: [Int], in range: ClosedRange<Scalar>, using generator: inout Generator,
        requiresGradient: Bool = false
    ) -> Tensor {
        let count = Shape.scalarCount(shape, for: "Tensor.random(shape:in:using:)")
        let lower = Double(range.lowerBound)
        let width = Double(range.upperBound) - lower
        let scalars = (0..<count).map { _ in
            let value = Scalar(lower + width * unitInterval(using: &generator))
            return Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
        }
        return Tensor(scalars, shape: shape, requiresGradient: requiresGradient)
    }

    /// A tensor of numbers drawn from a normal (Gaussian) distribution, in row-major order.
    ///
    /// Uses the Box–Muller transform: from two uniform numbers `u₁` in (0, 1] and `u₂` in
    /// [0, 1) it makes two independent standard normal numbers
    /// `z₀ = √(-2 ln u₁) cos(2π u₂)` and `z₁ = √(-2 ln u₁) sin(2π u₂)`, then scales each to
    /// `mean + standardDeviation · z`.
    public static func randomNormal<Generator: RandomNumberGenerator>(
        shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1,
        using generator: inout Generator, requiresGradient: Bool = false
    ) -> Tensor {
        let count = Shape.scalarCount(shape, for: "Tensor.randomNormal(shape:using:)")
        var draws: [Double] = []
        draws.reserveCapacity(count + 1)
        while draws.count < count {
            let u1 = 1 - unitInterval(using: &generator)
            let u2 = unitInterval(using: &generator)
            let radius = (-2 * log(u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            draws.append(radius * cos(angle))
            draws.append(radius * sin(angle))
        }
        let scalars = draws.prefix(count).map {
            Scalar(Double(mean) + Double(standardDeviation) * $0)
        }
        return Tensor(scalars, shape: shape, requiresGradient: requiresGradient)
    }

    /// A number in [0, 1) from the top 53 bits of the generator's next output: every multiple
    /// of 2⁻⁵³ in the interval, equally likely.
    private static func unitInterval<Generator: RandomNumberGenerator>(
        using generator: inout Generator
    ) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }
}
