/// The fused softmax cross-entropy of rows of logits, forward and backward.
enum SoftmaxKernel {
    /// The mean over rows of `log Σⱼ e^zⱼ - z_label`, and the softmax of every row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func crossEntropy<Scalar: TensorScalar>(_ logits: Tensor<Scalar>, labels: [Int])
        -> (loss: Scalar, probabilities: Tensor<Scalar>)
    {
        let (terms, probabilities) = crossEntropyTerms(logits, labels: labels)
        var total: Scalar = 0
        for term in terms { total += term }
        return (total / Scalar(terms.count), probabilities)
    }

    /// `log Σⱼ e^zⱼ - z_label` for every row, and the softmax of every row.
    ///
    /// Each row is shifted by its maximum before exponentiating, so no exponential exceeds 1.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func crossEntropyTerms<Scalar: TensorScalar>(_ logits: Tensor<Scalar>, labels: [Int])
        -> (terms: [Scalar], probabilities: Tensor<Scalar>)
    {
        guard logits.rank == 2, logits.shape[0] == labels.count else {
            fatalError(
                "softmaxCrossEntropy(logits:labels:): logits of shape \(logits.shape) need "
                    + "shape [N, classes] with N = \(labels.count), one row per label")
        }
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        for (row, label) in labels.enumerated() where !(0..<classes).contains(label) {
            fatalError(
                "softmaxCrossEntropy(logits:labels:): label \(label) of row \(row) is "
                    + "not a class in 0..<\(classes)")
        }
        var terms = [Scalar](repeating: 0, count: rows)
        let probabilities = [Scalar](unsafeUninitializedCapacity: rows * classes) {
            output, count in
            logits.scalars.withUnsafeBufferPointer { z in
                for row in 0..<rows {
                    let (z, p) = (
                        z.baseAddress! + row * classes, output.baseAddress! + row * classes
                    )
                    var largest = -Scalar.infinity
                    for j in 0..<classes { largest = Swift.max(largest, z[j]) }
                    var sum: Scalar = 0
                    for j in 0..<classes {
                        let e = Scalar.exp(z[j] - largest)
                        p[j] = e
                        sum += e
                    }
                    for j in 0..<classes { p[j] /= sum }
                    terms[row] = largest + Scalar.log(sum) - z[labels[row]]
                }
            }
            count = rows * classes
        }
        return (terms, Tensor(shape: logits.shape, scalars: probabilities, node: nil))
    }

    /// `rowScalesₙ · (softmax(zₙ) - onehot(labelₙ))` for every row: the gradient of the
    /// unreduced cross-entropies.
    static func crossEntropyGradient<Scalar: TensorScalar>(
        _ probabilities: Tensor<Scalar>, labels: [Int], rowScales: [Scalar]
    ) -> Tensor<Scalar> {
        let classes = probabilities.shape[1]
        var scalars = probabilities.scalars
        for (row, label) in labels.enumerated() {
            scalars[row * classes + label] -= 1
            for j in 0..<classes { scalars[row * classes + j] *= rowScales[row] }
        }
        return Tensor(shape: probabilities.shape, scalars: scalars, node: nil)
    }

    /// `scale · (softmax - onehot(labels)) / N`, the gradient of the mean cross-entropy.
    static func crossEntropyGradient<Scalar: TensorScalar>(
        _ probabilities: Tensor<Scalar>, labels: [Int], scale: Scalar
    ) -> Tensor<Scalar> {
        let classes = probabilities.shape[1]
        var scalars = probabilities.scalars
        for (row, label) in labels.enumerated() { scalars[row * classes + label] -= 1 }
        let factor = scale / Scalar(labels.count)
        for index in scalars.indices { scalars[index] *= factor }
        return Tensor(shape: probabilities.shape, scalars: scalars, node: nil)
    }
}
