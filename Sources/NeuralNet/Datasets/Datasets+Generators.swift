#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Synthetic data sets. Every number is drawn from the generator passed in, with arithmetic
/// written here, so a seed gives the same data on every run and machine.
extension Datasets {
    /// Two interleaving half circles in the plane (scikit-learn's `make_moons`): class 0 on
    /// `(cos θ, sin θ)`, class 1 on `(1 - cos θ, 1/2 - sin θ)`, `θ` uniform in `[0, π]`, plus
    /// Gaussian noise of standard deviation `noise` on each coordinate. Features `[count, 2]`;
    /// the classes alternate, so any prefix is balanced.
    public static func twoMoons<Scalar: TensorScalar>(
        count: Int, noise: Double = 0.1, as _: Scalar.Type,
        using generator: inout some RandomNumberGenerator
    ) -> LabeledDataset<Scalar> {
        var points: [Scalar] = []
        let labels = (0..<count).map { $0 % 2 }
        for label in labels {
            let angle = Double.pi * unitInterval(using: &generator)
            let (x, y) = label == 0 ? (cos(angle), sin(angle)) : (1 - cos(angle), 0.5 - sin(angle))
            points.append(Scalar(x + noise * standardNormal(using: &generator)))
            points.append(Scalar(y + noise * standardNormal(using: &generator)))
        }
        return LabeledDataset(features: Tensor(points, shape: [count, 2]), labels: labels)
    }

    /// Interleaved spirals in the plane (the CS231n example): for class `k` of `classes`,
    /// point `i` of `n` has radius `r = i/(n-1)` and angle `θ = 4(k + r) + 0.2·noise·ε`,
    /// at `(r sin θ, r cos θ)`. Features `[classes·countPerClass, 2]`, class by class.
    public static func spirals<Scalar: TensorScalar>(
        countPerClass: Int, classes: Int = 3, noise: Double = 1, as _: Scalar.Type,
        using generator: inout some RandomNumberGenerator
    ) -> LabeledDataset<Scalar> {
        var points: [Scalar] = []
        var labels: [Int] = []
        for label in 0..<classes {
            for index in 0..<countPerClass {
                let radius = countPerClass > 1 ? Double(index) / Double(countPerClass - 1) : 0
                let angle =
                    4 * (Double(label) + radius) + 0.2 * noise * standardNormal(using: &generator)
                points += [Scalar(radius * sin(angle)), Scalar(radius * cos(angle))]
                labels.append(label)
            }
        }
        return LabeledDataset(
            features: Tensor(points, shape: [labels.count, 2]), labels: labels)
    }

    /// Next-step prediction on sine waves (the book's recurrent benchmark): each sample is
    /// `sₜ = sin(ωt + φ)` for `t = 0 … length`, `ω ~ U(0.1, 0.5)`, `φ ~ U(0, 2π)`; the input is
    /// the first `length` values `[count, length, 1]`, the target the next one `[count, 1]`.
    public static func sineWaves<Scalar: TensorScalar>(
        count: Int, length: Int = 50, as _: Scalar.Type,
        using generator: inout some RandomNumberGenerator
    ) -> RegressionDataset<Scalar> {
        var inputs: [Scalar] = []
        var targets: [Scalar] = []
        inputs.reserveCapacity(count * length)
        for _ in 0..<count {
            let frequency = 0.1 + 0.4 * unitInterval(using: &generator)
            let phase = 2 * Double.pi * unitInterval(using: &generator)
            for time in 0..<length {
                inputs.append(Scalar(sin(frequency * Double(time) + phase)))
            }
            targets.append(Scalar(sin(frequency * Double(length) + phase)))
        }
        return RegressionDataset(
            inputs: Tensor(inputs, shape: [count, length, 1]),
            targets: Tensor(targets, shape: [count, 1]))
    }

    /// The adding problem (Hochreiter and Schmidhuber 1997, in the form of Le, Jaitly and
    /// Hinton 2015): each step carries a value `U(0, 1)` and a marker; exactly two steps are
    /// marked, one in each half of the sequence, and the target is the sum of their values.
    /// Inputs `[count, length, 2]` (value, marker), targets `[count, 1]`. Always predicting
    /// the mean, 1, leaves a mean squared error of `2/12 ≈ 0.167`.
    public static func addingProblem<Scalar: TensorScalar>(
        count: Int, length: Int, as _: Scalar.Type,
        using generator: inout some RandomNumberGenerator
    ) -> RegressionDataset<Scalar> {
        guard length >= 2 else {
            fatalError("Datasets.addingProblem: length \(length) must be at least 2")
        }
        var inputs: [Scalar] = []
        var targets: [Scalar] = []
        inputs.reserveCapacity(count * length * 2)
        let half = length / 2
        for _ in 0..<count {
            let first = randomIndex(below: half, using: &generator)
            let second = half + randomIndex(below: length - half, using: &generator)
            var sum = 0.0
            for time in 0..<length {
                let value = unitInterval(using: &generator)
                let marked = time == first || time == second
                if marked { sum += value }
                inputs += [Scalar(value), marked ? 1 : 0]
            }
            targets.append(Scalar(sum))
        }
        return RegressionDataset(
            inputs: Tensor(inputs, shape: [count, length, 2]),
            targets: Tensor(targets, shape: [count, 1]))
    }

    /// Samples of a mixture of isotropic Gaussians: each sample picks component `k` with
    /// probability `weights[k]` (equal by default), then draws `means[k] + σₖ·ε` with
    /// `ε ~ N(0, I)`. Features `[count, dimension]`, labels the components.
    public static func gaussianMixture<Scalar: TensorScalar>(
        count: Int, means: [[Double]], standardDeviations: [Double], weights: [Double]? = nil,
        as _: Scalar.Type, using generator: inout some RandomNumberGenerator
    ) -> LabeledDataset<Scalar> {
        let dimension = means.first?.count ?? 0
        let weights = weights ?? Array(repeating: 1, count: means.count)
        guard !means.isEmpty, means.allSatisfy({ $0.count == dimension }),
            standardDeviations.count == means.count, weights.count == means.count
        else {
            fatalError(
                "Datasets.gaussianMixture: \(means.count) means of equal dimension need as many "
                    + "standard deviations (\(standardDeviations.count)) and weights "
                    + "(\(weights.count))")
        }
        let total = weights.reduce(0, +)
        var points: [Scalar] = []
        var labels: [Int] = []
        for _ in 0..<count {
            var remaining = unitInterval(using: &generator) * total
            var component = 0
            while component < means.count - 1 && remaining >= weights[component] {
                remaining -= weights[component]
                component += 1
            }
            labels.append(component)
            for axis in 0..<dimension {
                points.append(
                    Scalar(
                        means[component][axis] + standardDeviations[component]
                            * standardNormal(using: &generator)))
            }
        }
        return LabeledDataset(features: Tensor(points, shape: [count, dimension]), labels: labels)
    }
}
