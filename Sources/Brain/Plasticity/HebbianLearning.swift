/// Hebb's rule and Oja's rule for one linear neuron `y = w · x`.
///
/// Hebb (1949): "cells that fire together wire together", `Δw = η y x`. On its own it grows
/// without bound. Oja (1982) adds a decay that keeps `|w|` near 1,
/// `Δw = η y (x − y w)`, and the weights then converge to the first principal component of
/// the input: the unit eigenvector of its covariance with the largest eigenvalue.
public enum HebbianLearning {
    /// The neuron's output, `y = Σ wᵢ xᵢ`.
    public static func output(_ weights: [Double], _ input: [Double]) -> Double {
        zip(weights, input).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// One step of Hebb's rule: `w ← w + η y x`.
    public static func hebb(_ weights: [Double], input: [Double], learningRate: Double) -> [Double]
    {
        let y = output(weights, input)
        return zip(weights, input).map { $0 + learningRate * y * $1 }
    }

    /// One step of Oja's rule: `w ← w + η y (x − y w)`.
    public static func oja(_ weights: [Double], input: [Double], learningRate: Double) -> [Double] {
        let y = output(weights, input)
        return zip(weights, input).map { $0 + learningRate * y * ($1 - y * $0) }
    }
}
