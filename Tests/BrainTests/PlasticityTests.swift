import Foundation
import Testing

@testable import Brain

@Suite struct PlasticityTests {
    /// Zero-mean 2-D samples with covariance [[3, 1], [1, 1]]: first principal component at
    /// angle ½ atan(2 / (3 − 1)) = 22.5°.
    func samples(_ count: Int) -> [[Double]] {
        var generator = TestGenerator(seed: 7)
        return (0..<count).map { _ in
            let u = Double.random(in: 0..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            let radius = (-2 * log(1 - u)).squareRoot()
            let (z1, z2) = (radius * cos(2 * .pi * v), radius * sin(2 * .pi * v))
            // Cholesky factor of [[3, 1], [1, 1]]: [[√3, 0], [1/√3, √(2/3)]].
            let root3 = Double(3).squareRoot()
            return [root3 * z1, z1 / root3 + (2.0 / 3).squareRoot() * z2]
        }
    }

    @Test func ojasRuleFindsTheFirstPrincipalComponent() {
        var weights = [0.3, -0.8]
        for x in samples(20_000) {
            weights = HebbianLearning.oja(weights, input: x, learningRate: 0.002)
        }
        let norm = (weights[0] * weights[0] + weights[1] * weights[1]).squareRoot()
        #expect(abs(norm - 1) < 0.05)
        let angle = atan2(abs(weights[1]), abs(weights[0])) * 180 / .pi
        #expect(abs(angle - 22.5) < 3, "angle \(angle)°")
        #expect(weights[0] * weights[1] > 0)
    }

    @Test func hebbsRuleAloneGrowsWithoutBound() {
        var weights = [0.3, -0.8]
        for x in samples(2_000) {
            weights = HebbianLearning.hebb(weights, input: x, learningRate: 0.002)
        }
        let norm = (weights[0] * weights[0] + weights[1] * weights[1]).squareRoot()
        #expect(norm > 10)
    }

    @Test func theSTDPWindowPotentiatesCausalPairsAndDepressesTheOthers() {
        let rule = SpikeTimingDependentPlasticity()
        #expect(abs(rule.weightChange(timing: 20) - 0.005 * exp(-1)) < 1e-15)
        #expect(abs(rule.weightChange(timing: -20) + 0.00525 * exp(-1)) < 1e-15)
        #expect(rule.weightChange(timing: 0) == 0)
        let window = stride(from: 1.0, through: 100, by: 1).map { rule.weightChange(timing: $0) }
        #expect(zip(window, window.dropFirst()).allSatisfy { $0 > $1 && $1 > 0 })
        #expect(
            abs(
                rule.weightChange(pre: [10, 50], post: [15])
                    - (rule.weightChange(timing: 5) + rule.weightChange(timing: -35))) < 1e-15)
    }
}
