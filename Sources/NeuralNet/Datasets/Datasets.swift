import Foundation

/// The data sets the book trains on: two real ones shipped as resources, and generators of
/// synthetic ones, every draw from a seeded generator.
public enum Datasets {
    /// The number of digits in the book's training split; the remaining 297 are the test set.
    public static let digitsTrainingCount = 1500

    /// scikit-learn's handwritten digits: 1,797 images of 8 × 8 pixels scaled to [0, 1]
    /// (counts 0–16 divided by 16), features `[1797, 64]` row by row, labels 0–9.
    ///
    /// From the UCI Optical Recognition of Handwritten Digits data set; see the README beside
    /// `digits.csv`. For images, reshape to `[-1, 8, 8, 1]` (NHWC).
    public static func digits<Scalar: TensorScalar>(as _: Scalar.Type) -> LabeledDataset<Scalar> {
        let rows = table("digits", columns: 65)
        return LabeledDataset(
            features: Tensor(
                rows.flatMap { $0.prefix(64).map { Scalar($0 / 16) } }, shape: [rows.count, 64]),
            labels: rows.map { Int($0[64]) })
    }

    /// The digits in `Float`, the book's training precision.
    public static func digits() -> LabeledDataset<Float> {
        digits(as: Float.self)
    }

    /// The book's split of the digits: the first 1,500 to train, the last 297 to test.
    public static func digitsSplit<Scalar: TensorScalar>(as type: Scalar.Type)
        -> (training: LabeledDataset<Scalar>, test: LabeledDataset<Scalar>)
    {
        digits(as: type).split(at: digitsTrainingCount)
    }

    /// Fisher's irises: 150 flowers, features `[150, 4]` (sepal length, sepal width, petal
    /// length, petal width, in cm), labels 0 setosa, 1 versicolor, 2 virginica.
    public static func iris<Scalar: TensorScalar>(as _: Scalar.Type) -> LabeledDataset<Scalar> {
        let rows = table("iris", columns: 5)
        return LabeledDataset(
            features: Tensor(
                rows.flatMap { $0.prefix(4).map { Scalar($0) } }, shape: [rows.count, 4]),
            labels: rows.map { Int($0[4]) })
    }

    /// The numbers of a CSV resource with a header line, row by row.
    private static func table(_ name: String, columns: Int) -> [[Double]] {
        guard
            let url = Bundle.module.url(
                forResource: name, withExtension: "csv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("Datasets: the resource \(name).csv is missing from the NeuralNet bundle")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst()
        return lines.enumerated().map { number, line in
            let values = line.split(separator: ",").compactMap { Double($0) }
            guard values.count == columns else {
                fatalError(
                    "Datasets: line \(number + 2) of \(name).csv does not hold \(columns) numbers")
            }
            return values
        }
    }
}
