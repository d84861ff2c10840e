/// Samples with numeric targets: inputs and targets whose first axes run over the samples.
public struct RegressionDataset<Scalar: TensorScalar>: Sendable {
    /// The inputs, `[count, …]` (for sequences, `[count, time, features]`).
    public var inputs: Tensor<Scalar>
    /// The targets, `[count, …]`.
    public var targets: Tensor<Scalar>

    /// A data set; `inputs` and `targets` need the same number of rows.
    public init(inputs: Tensor<Scalar>, targets: Tensor<Scalar>) {
        guard inputs.rank >= 1, targets.rank >= 1, inputs.shape[0] == targets.shape[0] else {
            fatalError(
                "RegressionDataset: inputs of shape \(inputs.shape) and targets of shape "
                    + "\(targets.shape) need the same number of rows")
        }
        self.inputs = inputs.detached()
        self.targets = targets.detached()
    }

    /// The number of samples.
    public var count: Int { inputs.shape[0] }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> RegressionDataset {
        RegressionDataset(inputs: inputs.gathered(indices), targets: targets.gathered(indices))
    }

    /// The samples in an order drawn from `generator`.
    public func shuffled(using generator: inout some RandomNumberGenerator) -> RegressionDataset {
        subset(seededPermutation(count: count, using: &generator))
    }

    /// Consecutive batches of `size` samples; the last holds what remains.
    public func batches(size: Int) -> [RegressionDataset] {
        batchRanges(count: count, size: size).map { subset(Array($0)) }
    }

    /// Batches of `size` samples in an order drawn from `generator`: one epoch of minibatches.
    public func batches(size: Int, shuffledUsing generator: inout some RandomNumberGenerator)
        -> [RegressionDataset]
    {
        let order = seededPermutation(count: count, using: &generator)
        return batchRanges(count: count, size: size).map { subset(Array(order[$0])) }
    }
}
