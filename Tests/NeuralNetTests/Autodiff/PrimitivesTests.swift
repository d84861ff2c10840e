import Testing

@testable import NeuralNet

/// Each primitive's derivative rule, checked two ways: against central finite differences
/// (an independent numerical computation) and against the closed form of its derivative.
///
/// The loss weights each element differently, so a rule that ignored or misplaced the gradient
/// flowing in from above would be caught.
@Suite struct PrimitivesTests {
    let a = Tensor<Double>([0.5, -1.25, 2, 0.75])
    let b = Tensor<Double>([1.5, 0.25, -3, 2.5])
    let positive = Tensor<Double>([0.2, 1, 2.5, 7])
    let weights = Tensor<Double>([0.3, -1.2, 2, 0.7])

    func weightedLoss(_ y: Tensor<Double>) -> Tensor<Double> {
        (y * weights).sum()
    }

    /// Checks the gradient of `weightedLoss(f(x))` at `x` against finite differences, and
    /// against `wᵢ · f'(xᵢ)` where `derivatives` lists the closed-form `f'(xᵢ)`.
    func check(
        at x: Tensor<Double>, _ f: (Tensor<Double>) -> Tensor<Double>, derivatives: [Double],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let result = gradientCheck(at: x) { x in weightedLoss(f(x)) }
        #expect(
            result.passes(), "max abs error \(result.maximumAbsoluteError)",
            sourceLocation: sourceLocation)
        let closedForm = zip(derivatives, weights.scalars).map(*)
        expectClose(
            result.automatic.scalars, closedForm, tolerance: 1e-12, sourceLocation: sourceLocation)
    }

    // MARK: - Binary

    @Test func add() {
        check(at: a, { $0 + b }, derivatives: [1, 1, 1, 1])
        check(at: b, { a + $0 }, derivatives: [1, 1, 1, 1])
    }

    @Test func subtract() {
        check(at: a, { $0 - b }, derivatives: [1, 1, 1, 1])
        check(at: b, { a - $0 }, derivatives: [-1, -1, -1, -1])
    }

    @Test func multiply() {
        check(at: a, { $0 * b }, derivatives: b.scalars)
        check(at: b, { a * $0 }, derivatives: a.scalars)
    }

    @Test func divide() {
        check(at: a, { $0 / b }, derivatives: b.scalars.map { 1 / $0 })
        check(at: b, { a / $0 }, derivatives: zip(a.scalars, b.scalars).map { -$0 / ($1 * $1) })
    }

    // MARK: - Unary

    @Test func negate() {
        check(at: a, { -$0 }, derivatives: [-1, -1, -1, -1])
    }

    @Test func exp() {
        check(at: a, { NeuralNet.exp($0) }, derivatives: a.scalars.map(Double.exp))
    }

    @Test func log() {
        check(at: positive, { NeuralNet.log($0) }, derivatives: positive.scalars.map { 1 / $0 })
    }

    @Test func sqrt() {
        check(
            at: positive, { NeuralNet.sqrt($0) },
            derivatives: positive.scalars.map { 0.5 / $0.squareRoot() })
    }

    @Test func pow() {
        check(at: a, { NeuralNet.pow($0, 2) }, derivatives: a.scalars.map { 2 * $0 })
        check(at: a, { NeuralNet.pow($0, 3) }, derivatives: a.scalars.map { 3 * $0 * $0 })
        check(
            at: positive, { NeuralNet.pow($0, -1.5) },
            derivatives: positive.scalars.map { -1.5 * Double.pow($0, -2.5) })
    }

    @Test func tanh() {
        // tanh' = 1 - tanh²
        let t = a.scalars.map(Double.tanh)
        check(at: a, { NeuralNet.tanh($0) }, derivatives: t.map { 1 - $0 * $0 })
    }

    @Test func sigmoid() {
        // σ' = σ(1 - σ)
        let s = a.scalars.map { 1 / (1 + Double.exp(-$0)) }
        check(at: a, { NeuralNet.sigmoid($0) }, derivatives: s.map { $0 * (1 - $0) })
    }

    @Test func relu() {
        // Away from 0, where the derivative exists: 1 for x > 0, 0 for x < 0.
        check(at: a, { NeuralNet.relu($0) }, derivatives: a.scalars.map { $0 > 0 ? 1 : 0 })
    }

    // MARK: - Reduction

    @Test func sum() {
        let x = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let result = gradientCheck(at: x) { x in x.sum() * 3 }
        #expect(result.passes())
        #expect(result.automatic.shape == [2, 3])
        #expect(result.automatic.scalars == Array(repeating: 3, count: 6))
    }

    // MARK: - The table as a whole

    @Test func everyPrimitiveRecordsItsName() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        let results: [(Tensor<Double>, String)] = [
            (x + x, "add"), (x - x, "subtract"), (x * x, "multiply"), (x / x, "divide"),
            (-x, "negate"), (NeuralNet.exp(x), "exp"), (NeuralNet.log(x), "log"),
            (NeuralNet.sqrt(x), "sqrt"), (NeuralNet.pow(x, 2), "pow"),
            (NeuralNet.tanh(x), "tanh"), (NeuralNet.sigmoid(x), "sigmoid"),
            (NeuralNet.relu(x), "relu"), (x.sum(), "sum"),
        ]
        for (result, name) in results {
            #expect(result.node?.operation == name)
        }
    }

    @Test func constantsRecordNothing() {
        let x = Tensor<Double>([1, 2])
        #expect(!(x * x + NeuralNet.exp(x)).sum().requiresGradient)
    }

    @Test func floatGradientsFollowTheSameRules() {
        let x = Tensor<Float>([-1, 0.5, 2])
        let slope = gradient(at: x) { x in NeuralNet.sigmoid(x * x).sum() }
        let expected = x.scalars.map { v -> Float in
            let s = 1 / (1 + Float.exp(-v * v))
            return s * (1 - s) * 2 * v
        }
        expectClose(slope.scalars, expected, tolerance: 1e-6)
    }
}
