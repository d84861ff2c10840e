/// The fraction of predictions equal to their labels: `(1/n) Σᵢ [ŷᵢ = yᵢ]`.
///
/// Predictions are class indices, such as `scores.argmax(alongAxis: 1)`. NaN for no samples.
public func accuracy(predictions: [Int], labels: [Int]) -> Double {
    guard predictions.count == labels.count else {
        fatalError(
            "accuracy(predictions:labels:): \(predictions.count) predictions for "
                + "\(labels.count) labels")
    }
    let correct = zip(predictions, labels).filter { $0 == $1 }.count
    return Double(correct) / Double(labels.count)
}
