/// Counts of every (true class, predicted class) pair, and the per-class scores read from them.
///
/// Row `t`, column `p` counts the samples of class `t` predicted as `p`; the diagonal holds
/// the correct predictions. For class `c`, with `TP` its diagonal count:
/// - precision = `TP / (column c's total)`: of the samples predicted `c`, the share that are;
/// - recall = `TP / (row c's total)`: of the samples that are `c`, the share found;
/// - F1 = `2·precision·recall / (precision + recall)`, their harmonic mean.
///
/// A score whose denominator is 0 is reported as 0, as scikit-learn does by default.
public struct ConfusionMatrix: Sendable, Equatable {
    /// The number of classes, `0..<classCount`.
    public let classCount: Int
    /// `counts[t][p]`: samples of true class `t` predicted as class `p`.
    public let counts: [[Int]]

    /// Tallies predictions against labels, both class indices in `0..<classCount`.
    public init(predictions: [Int], labels: [Int], classCount: Int) {
        guard predictions.count == labels.count else {
            fatalError(
                "ConfusionMatrix: \(predictions.count) predictions for \(labels.count) labels")
        }
        var counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        for (predicted, actual) in zip(predictions, labels) {
            guard (0..<classCount).contains(predicted), (0..<classCount).contains(actual) else {
                fatalError(
                    "ConfusionMatrix: class \(actual) predicted as \(predicted) is outside "
                        + "0..<\(classCount)")
            }
            counts[actual][predicted] += 1
        }
        self.classCount = classCount
        self.counts = counts
    }

    /// Precision of class `c`: `TP / (TP + FP)`.
    public func precision(of c: Int) -> Double {
        ratio(counts[c][c], counts.map { $0[c] }.reduce(0, +))
    }

    /// Recall of class `c`: `TP / (TP + FN)`.
    public func recall(of c: Int) -> Double {
        ratio(counts[c][c], counts[c].reduce(0, +))
    }

    /// F1 score of class `c`: `2PR / (P + R)`.
    public func f1(of c: Int) -> Double {
        let (p, r) = (precision(of: c), recall(of: c))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The unweighted mean of the per-class precisions.
    public var macroPrecision: Double { macroAverage(precision(of:)) }
    /// The unweighted mean of the per-class recalls.
    public var macroRecall: Double { macroAverage(recall(of:)) }
    /// The unweighted mean of the per-class F1 scores (not the F1 of the macro averages).
    public var macroF1: Double { macroAverage(f1(of:)) }

    private func macroAverage(_ score: (Int) -> Double) -> Double {
        (0..<classCount).map(score).reduce(0, +) / Double(classCount)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
