import Testing

@testable import NeuralNet

/// Tensors with a dimension of size 0 behave as NumPy's do: sums are 0, means NaN, elementwise
/// operations give empty results, and a reduction with no identity (the maximum) fails with a
/// message naming the operation.
@Suite struct ZeroSizeTests {
    let empty = Tensor<Double>([], shape: [0, 3])

    @Test func sumsAreZeroAndMeansNaN() {
        #expect(empty.sum().scalar == 0)
        #expect(empty.sum(alongAxes: 0) == Tensor([0, 0, 0]))
        #expect(empty.mean().scalar.isNaN)
        let columnMeans = empty.mean(alongAxes: 0)
        #expect(columnMeans.shape == [3] && columnMeans.scalars.allSatisfy(\.isNaN))
        #expect(empty.sum(alongAxes: 1).shape == [0])
        #expect(gradient(at: empty) { $0.sum() }.shape == [0, 3])
    }

    @Test func elementwiseAndLayoutGiveEmptyResults() {
        let shifted = exp(empty + Tensor([1, 2, 3]))
        #expect(shifted.shape == [0, 3] && shifted.scalars.isEmpty)
        #expect(relu(empty).shape == [0, 3])
        #expect(empty.transposed().shape == [3, 0])
        #expect(empty.reshaped(to: [3, 0, 5]).shape == [3, 0, 5])
        #expect(Tensor.concatenated([empty, Tensor([1, 2, 3], shape: [1, 3])]).shape == [1, 3])
        #expect(empty.sliced(alongAxis: 1, 1..<3).shape == [0, 2])
        #expect(softmax(empty).shape == [0, 3])
        #expect(softmax(Tensor<Double>([], shape: [2, 0])).shape == [2, 0])
        #expect(logSoftmax(Tensor<Double>([], shape: [2, 0])).shape == [2, 0])
        #expect(gradient(at: empty) { (exp($0) * 2).sum() }.shape == [0, 3])
    }

    @Test func maximumAlongANonEmptyAxisOfAnEmptyTensor() {
        let rows = Tensor<Double>([], shape: [3, 0]).max(alongAxes: 0)
        #expect(rows.shape == [0])
    }

    @Test func lossesOfAnEmptyBatch() {
        #expect(meanSquaredError(predictions: empty, targets: empty).scalar.isNaN)
        #expect(binaryCrossEntropy(logits: empty, labels: empty).scalar.isNaN)
        #expect(
            softmaxCrossEntropy(logits: Tensor<Double>([], shape: [0, 4]), labels: []).scalar.isNaN)
        let slope = gradient(at: Tensor<Double>([], shape: [0, 4])) {
            softmaxCrossEntropy(logits: $0, labels: [])
        }
        #expect(slope.shape == [0, 4])
    }

    @Test func klDivergenceOfAnEmptyLatentIsZeroAndOfAnEmptyBatchNaN() {
        let noLatent = Tensor<Double>([], shape: [3, 0])
        #expect(gaussianKLDivergence(mean: noLatent, logVariance: noLatent).scalar == 0)
        let noSamples = Tensor<Double>([], shape: [0, 4])
        #expect(gaussianKLDivergence(mean: noSamples, logVariance: noSamples).scalar.isNaN)
        let oneEmptySample = Tensor<Double>([], shape: [0])
        #expect(gaussianKLDivergence(mean: oneEmptySample, logVariance: oneEmptySample).scalar == 0)
    }

    @Test func poolingAnEmptyBatch() {
        let images = Tensor<Double>([], shape: [0, 4, 4, 2])
        #expect(MaxPool2D<Double>(poolSize: (2, 2))(images).shape == [0, 2, 2, 2])
        #expect(AvgPool2D<Double>(poolSize: (2, 2))(images).shape == [0, 2, 2, 2])
        let slope = gradient(at: images) { MaxPool2D<Double>(poolSize: (2, 2))($0).sum() }
        #expect(slope.shape == [0, 4, 4, 2])
    }

    @Test func theMaximumOfNothingNamesTheOperation() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>([], shape: [0, 3]).max(alongAxes: 0)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("max(alongAxes:): axis 0 of shape [0, 3] is empty"), "\(message)")
    }

    @Test func theMaximumOfAnEmptyTensorNamesTheOperation() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>([], shape: [0]).max()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("max(): the tensor of shape [0] is empty"), "\(message)")
    }
}
