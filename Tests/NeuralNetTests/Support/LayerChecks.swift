import Testing

@testable import NeuralNet

/// Expects the gradient of `loss` with respect to each of the module's parameters, by
/// automatic differentiation, to match central finite differences.
func expectParameterGradientsMatch<Model: Module>(
    _ model: Model, tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation,
    loss: (Model) -> Tensor<Double>
) where Model.Scalar == Double {
    let automatic = gradient(at: model, in: loss)
    for index in model.parameters.indices {
        let numerical = numericalGradient(at: model.parameters[index]) { parameter in
            var copy = model
            copy.parameters[index] = parameter
            return loss(copy)
        }
        let check = GradientCheckResult(automatic: automatic[index], numerical: numerical)
        #expect(
            check.passes(tolerance: tolerance),
            "parameter \(index): max error \(check.maximumAbsoluteError)",
            sourceLocation: sourceLocation)
    }
}

/// Expects the gradient of `function` at `point` to match central finite differences.
func expectGradientMatches(
    at point: Tensor<Double>, tolerance: Double = 1e-6,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ function: (Tensor<Double>) -> Tensor<Double>
) {
    let check = gradientCheck(at: point, in: function)
    #expect(
        check.passes(tolerance: tolerance), "max error \(check.maximumAbsoluteError)",
        sourceLocation: sourceLocation)
}

/// A fixed random tensor of `shape`, for inputs and for weighting outputs in a test loss
/// (`(y * probe).sum()`), so that every output element gets a different gradient.
func probe(_ shape: [Int], seed: UInt64) -> Tensor<Double> {
    var generator = SeededGenerator(seed: seed)
    return .random(shape: shape, in: -1...1, using: &generator)
}
