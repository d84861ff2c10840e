/// Samples with class labels: a features tensor whose first axis runs over the samples, and
/// one integer label per sample.
public struct LabeledDataset<Scalar: TensorScalar>: Sendable {
    /// The samples, `[count, …]`.
    public var features: Tensor<Scalar>
    /// The class of each sample, in `0..<classCount`.
    public var labels: [Int]

    /// A data set; `features` needs one row per label.
    public init(features: Tensor<Scalar>, labels: [Int]) {
        guard features.rank >= 1, features.shape[0] == labels.count else {
            fatalError(
                "LabeledDataset: features of shape \(features.shape) need one row per label "
                    + "(\(labels.count) labels)")
        }
        self.features = features.detached()
        self.labels = labels
    }

    /// The number of samples.
    public var count: Int { labels.count }

    /// The number of classes: one more than the largest label.
    public var classCount: Int { (labels.max() ?? -1) + 1 }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabeledDataset {
        LabeledDataset(features: features.gathered(indices), labels: indices.map { labels[$0] })
    }

    /// The first `count` samples and the rest, in order: a train/test split.
    public func split(at count: Int) -> (training: LabeledDataset, test: LabeledDataset) {
        guard (0...self.count).contains(count) else {
            fatalError("LabeledDataset.split(at:): \(count) is not in 0...\(self.count)")
        }
        return (subset(Array(0..<count)), subset(Array(count..<self.count)))
    }

    /// The samples in an order drawn from `generator`.
    public func shuffled(using generator: inout some RandomNumberGenerator) -> LabeledDataset {
        subset(seededPermutation(count: count, using: &generator))
    }

    /// Consecutive batches of `size` samples; the last holds what remains.
    public func batches(size: Int) -> [LabeledDataset] {
        batchRanges(count: count, size: size).map { subset(Array($0)) }
    }

    /// Batches of `size` samples in an order drawn from `generator`: one epoch of minibatches.
    public func batches(size: Int, shuffledUsing generator: inout some RandomNumberGenerator)
        -> [LabeledDataset]
    {
        let order = seededPermutation(count: count, using: &generator)
        return batchRanges(count: count, size: size).map { subset(Array(order[$0])) }
    }
}
