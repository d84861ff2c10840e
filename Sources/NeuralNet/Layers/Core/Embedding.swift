/// A lookup table of learned vectors, one per token: `y = E[i]`.
///
/// The table `E` has shape `[vocabularySize, embeddingSize]`; looking up token `i` returns
/// row `i`. Differentiable in `E`: a row receives the sum of the gradients of its lookups,
/// and rows not looked up receive zero. Equivalent to multiplying a one-hot vector by `E`.
public struct Embedding<Scalar: TensorScalar>: Module {
    /// The table `E`, `[vocabularySize, embeddingSize]`.
    public var table: Tensor<Scalar>

    /// A table drawn from the standard normal distribution, as PyTorch initialises it.
    public init(
        vocabularySize: Int, embeddingSize: Int, using generator: inout some RandomNumberGenerator
    ) {
        table = .randomNormal(shape: [vocabularySize, embeddingSize], using: &generator)
    }

    /// A layer with the given table `[vocabularySize, embeddingSize]`.
    public init(table: Tensor<Scalar>) {
        guard table.rank == 2 else {
            fatalError("Embedding(table:): table of shape \(table.shape) needs rank 2")
        }
        self.table = table
    }

    /// The number of distinct tokens.
    public var vocabularySize: Int { table.shape[0] }
    /// The length of each vector.
    public var embeddingSize: Int { table.shape[1] }

    /// The table.
    public var parameters: [Tensor<Scalar>] {
        get { [table] }
        set { table = newValue[0] }
    }

    /// The vectors of `tokens`, `[tokens.count, embeddingSize]`.
    public func callAsFunction(_ tokens: [Int]) -> Tensor<Scalar> {
        for token in tokens where !(0..<vocabularySize).contains(token) {
            fatalError(
                "Embedding: token \(token) is out of range for a vocabulary of "
                    + "\(vocabularySize)")
        }
        return table.gathered(tokens)
    }

    /// The vectors of a batch of equally long sequences, `[batch, length, embeddingSize]`.
    public func callAsFunction(_ sequences: [[Int]]) -> Tensor<Scalar> {
        let length = sequences.first?.count ?? 0
        guard sequences.allSatisfy({ $0.count == length }) else {
            fatalError(
                "Embedding: sequences of lengths \(sequences.map(\.count)) must be equally long")
        }
        return self(sequences.flatMap { $0 })
            .reshaped(to: [sequences.count, length, embeddingSize])
    }
}
