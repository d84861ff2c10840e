import Foundation
import Testing

@testable import NeuralNet

/// Every loss but the root mean squared error with `reduction: .mean | .sum | .none`: hand-computed terms, `.mean` equal to the
/// loss without the argument, `.sum` and `.none`'s gradients equal to the mean's times n, and
/// `.none`'s gradients against finite differences.
@Suite struct LossReductionTests {
    /// One loss seen through its three reductions at a point.
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        /// The number of terms the mean divides by.
        var count: Int
        var point: Tensor<Double>
        var loss: @Sendable (Tensor<Double>, LossReduction) -> Tensor<Double>
        /// The loss without `reduction:`.
        var plain: @Sendable (Tensor<Double>) -> Tensor<Double>
    }

    static let predictions = Tensor<Double>([0.5, 2, -1, 3, 0.25, -2], shape: [2, 3])
    static let targets = Tensor<Double>([1, 2, 1, 0, 0, 1], shape: [2, 3])
    static let labels01 = Tensor<Double>([0, 1, 1, 0, 1, 0], shape: [2, 3])
    static let cases: [Case] = [
        Case(
            description: "meanSquaredError", count: 6, point: predictions,
            loss: { meanSquaredError(predictions: $0, targets: targets, reduction: $1) },
            plain: { meanSquaredError(predictions: $0, targets: targets) }),
        Case(
            description: "binaryCrossEntropy(probabilities:)", count: 6,
            point: Tensor([0.2, 0.9, 0.4, 0.7, 0.55, 0.1], shape: [2, 3]),
            loss: { binaryCrossEntropy(probabilities: $0, labels: labels01, reduction: $1) },
            plain: { binaryCrossEntropy(probabilities: $0, labels: labels01) }),
        Case(
            description: "binaryCrossEntropy(logits:)", count: 6, point: predictions,
            loss: { binaryCrossEntropy(logits: $0, labels: labels01, reduction: $1) },
            plain: { binaryCrossEntropy(logits: $0, labels: labels01) }),
        Case(
            description: "softmaxCrossEntropy", count: 2, point: predictions,
            loss: { softmaxCrossEntropy(logits: $0, labels: [2, 0], reduction: $1) },
            plain: { softmaxCrossEntropy(logits: $0, labels: [2, 0]) }),
        Case(
            description: "gaussianKLDivergence", count: 2, point: predictions,
            loss: { gaussianKLDivergence(mean: $0, logVariance: targets * 0.5, reduction: $1) },
            plain: { gaussianKLDivergence(mean: $0, logVariance: targets * 0.5) }),
        Case(
            description: "ganGeneratorLoss", count: 6, point: predictions,
            loss: { ganGeneratorLoss(fakeLogits: $0, reduction: $1) },
            plain: { ganGeneratorLoss(fakeLogits: $0) }),
    ]

    @Test(arguments: cases)
    func reductionsAgree(_ loss: Case) {
        let n = Double(loss.count)
        let terms = loss.loss(loss.point, .none)
        #expect(terms.scalarCount == loss.count)
        #expect(loss.loss(loss.point, .mean) == loss.plain(loss.point))
        expectClose([loss.loss(loss.point, .sum).scalar], [terms.scalars.reduce(0, +)])
        expectClose([loss.loss(loss.point, .mean).scalar * n], [terms.scalars.reduce(0, +)])
        let meanSlope = gradient(at: loss.point) { loss.loss($0, .mean) }
        let sumSlope = gradient(at: loss.point) { loss.loss($0, .sum) }
        let noneSlope = gradient(at: loss.point) { loss.loss($0, .none).sum() }
        expectClose(sumSlope.scalars, meanSlope.scalars.map { $0 * n })
        expectClose(noneSlope.scalars, meanSlope.scalars.map { $0 * n })
        // Each term's own gradient, weighted differently, by finite differences.
        let weights = probe(terms.shape, seed: 60)
        expectGradientMatches(at: loss.point, tolerance: 1e-5) {
            (loss.loss($0, .none) * weights).sum()
        }
    }

    @Test func termsByHand() {
        // Errors -0.5, 0, -2, 3, 0.25, -3.
        #expect(
            meanSquaredError(predictions: Self.predictions, targets: Self.targets, reduction: .none)
                == Tensor([0.25, 0, 4, 9, 0.0625, 9], shape: [2, 3]))
        // Rows [0.5, 2, -1] with label 2 and [3, 0.25, -2] with label 0: log Σ e^z - z_label.
        let rows: [[Double]] = [[0.5, 2, -1], [3, 0.25, -2]]
        let expected = zip(rows, [2, 0]).map { row, label in
            Foundation.log(row.map { Foundation.exp($0) }.reduce(0, +)) - row[label]
        }
        expectClose(
            softmaxCrossEntropy(logits: Self.predictions, labels: [2, 0], reduction: .none).scalars,
            expected)
        // Certain and wrong: 100 each, clamped.
        #expect(
            binaryCrossEntropy(
                probabilities: Tensor([0, 1, 0.5]), labels: Tensor([1, 0, 1]), reduction: .none
            ).scalars[0..<2] == [100, 100])
        // KL per sample, μ = 1, σ² = 1 in two dimensions: ½(1 + 1 - 1 - 0)·2 = 1.
        #expect(
            gaussianKLDivergence(
                mean: .ones(shape: [3, 2]), logVariance: .zeros(shape: [3, 2]), reduction: .none
            ) == Tensor([1, 1, 1]))
    }

    @Test func theDiscriminatorsTermsAreTheRealThenTheFake() {
        let real = Tensor<Double>([2, -1, 0.5])
        let fake = Tensor<Double>([-3, 1])
        let terms = ganDiscriminatorLoss(realLogits: real, fakeLogits: fake, reduction: .none)
        let expected =
            binaryCrossEntropy(logits: real, labels: .ones(shape: [3]), reduction: .none).scalars
            + binaryCrossEntropy(logits: fake, labels: .zeros(shape: [2]), reduction: .none).scalars
        #expect(terms.scalars == expected)
        expectClose(
            [ganDiscriminatorLoss(realLogits: real, fakeLogits: fake, reduction: .sum).scalar],
            [expected.reduce(0, +)])
        #expect(
            ganDiscriminatorLoss(realLogits: real, fakeLogits: fake, reduction: .mean)
                == ganDiscriminatorLoss(realLogits: real, fakeLogits: fake))
        expectGradientMatches(at: real) {
            (ganDiscriminatorLoss(realLogits: $0, fakeLogits: fake, reduction: .none)
                * Tensor([1, 2, 3, 4, 5])).sum()
        }
    }
}
