import Foundation
import Testing

@testable import NeuralNet

@Suite struct LossesTests {
    let predictions = Tensor<Double>([0.5, 2, -1, 3])
    let targets = Tensor<Double>([1, 2, 1, 0])

    @Test func meanSquaredAndRootMeanSquared() {
        // Errors -0.5, 0, -2, 3: squares 0.25, 0, 4, 9; mean 13.25 / 4.
        #expect(meanSquaredError(predictions: predictions, targets: targets).scalar == 3.3125)
        expectClose(
            [rootMeanSquaredError(predictions: predictions, targets: targets).scalar],
            [Double(3.3125).squareRoot()])
        #expect(
            gradientCheck(at: predictions) { meanSquaredError(predictions: $0, targets: targets) }
                .passes())
        #expect(
            gradientCheck(at: predictions) {
                rootMeanSquaredError(predictions: $0, targets: targets)
            }.passes())
    }

    @Test func binaryCrossEntropyOnProbabilitiesAndLogits() {
        let logits = Tensor<Double>([-3, -0.5, 0.2, 4])
        let labels = Tensor<Double>([0, 1, 1, 0])
        let p = logits.scalars.map { 1 / (1 + Foundation.exp(-$0)) }
        let expected =
            zip(p, labels.scalars).map { p, y in
                -(y * Foundation.log(p) + (1 - y) * Foundation.log(1 - p))
            }
            .reduce(0, +) / 4
        expectClose(
            [binaryCrossEntropy(probabilities: Tensor(p), labels: labels).scalar], [expected])
        expectClose([binaryCrossEntropy(logits: logits, labels: labels).scalar], [expected])
        // ∂L/∂z = (σ(z) - y) / n.
        let slope = gradient(at: logits) { binaryCrossEntropy(logits: $0, labels: labels) }
        expectClose(slope.scalars, zip(p, labels.scalars).map { ($0 - $1) / 4 })
        #expect(
            gradientCheck(at: Tensor(p)) { binaryCrossEntropy(probabilities: $0, labels: labels) }
                .passes(tolerance: 1e-5))
    }

    @Test func binaryCrossEntropyStaysFinite() {
        let certain = Tensor<Double>([0, 1])
        let wrong = Tensor<Double>([1, 0])
        #expect(binaryCrossEntropy(probabilities: certain, labels: wrong).scalar == 100)
        #expect(binaryCrossEntropy(probabilities: certain, labels: certain).scalar == 0)
        expectClose(
            [binaryCrossEntropy(logits: Tensor<Double>([-1000, 1000]), labels: wrong).scalar],
            [1000])
        #expect(
            binaryCrossEntropy(logits: Tensor<Double>([1000, -1000]), labels: wrong).scalar == 0)
    }

    @Test func softmaxCrossEntropyValueAndGradient() {
        let logits = Tensor<Double>([2, 1, 0.1, 0.5, 2.5, -1], shape: [2, 3])
        let labels = [0, 2]
        let probabilities = softmax(logits)
        let expected =
            -(Foundation.log(probabilities.scalars[0]) + Foundation.log(probabilities.scalars[5]))
            / 2
        expectClose([softmaxCrossEntropy(logits: logits, labels: labels).scalar], [expected])
        // The gradient is (softmax - onehot) / N.
        var oneHot = [Double](repeating: 0, count: 6)
        oneHot[0] = 1
        oneHot[5] = 1
        let slope = gradient(at: logits) { softmaxCrossEntropy(logits: $0, labels: labels) }
        expectClose(slope.scalars, zip(probabilities.scalars, oneHot).map { ($0 - $1) / 2 })
        #expect(
            gradientCheck(at: logits) { softmaxCrossEntropy(logits: $0, labels: labels) * $0.sum() }
                .passes())
    }

    @Test func softmaxCrossEntropyAtAThousand() {
        let logits = Tensor<Double>([1000, -1000, 0, 1000], shape: [2, 2])
        expectClose([softmaxCrossEntropy(logits: logits, labels: [0, 0]).scalar], [500])
        let slope = gradient(at: logits) { softmaxCrossEntropy(logits: $0, labels: [0, 0]) }
        expectClose(slope.scalars, [0, 0, -0.5, 0.5])
    }

    @Test func gaussianKLDivergenceAgainstTheClosedForm() {
        #expect(
            gaussianKLDivergence(mean: .zeros(shape: [2, 3]), logVariance: .zeros(shape: [2, 3]))
                .scalar == 0)
        let mean = Tensor<Double>([0.5, -1, 0, 2], shape: [2, 2])
        let logVariance = Tensor<Double>([0, 0.5, -1, 0.2], shape: [2, 2])
        // KL(N(μ, σ²) ‖ N(0, 1)) = ½ (σ² + μ² - 1 - ln σ²) per dimension; mean over 2 samples.
        let perDimension = zip(mean.scalars, logVariance.scalars).map { mu, logVar in
            0.5 * (Foundation.exp(logVar) + mu * mu - 1 - logVar)
        }
        expectClose(
            [gaussianKLDivergence(mean: mean, logVariance: logVariance).scalar],
            [perDimension.reduce(0, +) / 2])
        #expect(
            gradientCheck(at: logVariance) { gaussianKLDivergence(mean: mean, logVariance: $0) }
                .passes())
        #expect(
            gradientCheck(at: mean) { gaussianKLDivergence(mean: $0, logVariance: logVariance) }
                .passes())
    }
}
