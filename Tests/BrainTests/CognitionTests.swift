import Foundation
import Testing

@testable import Brain

@Suite struct DecisionCircuitTests {
    let circuit = DecisionCircuit()

    @Test func rateFunctionHasItsLimitAndClosedForm() {
        // H(x) = (a x − b)/(1 − e^(−d(a x − b))); at a x = b the limit is 1/d.
        #expect(abs(circuit.rate(input: 108.0 / 270) - 1 / 0.154) < 1e-6)
        let x = 0.45
        let drive = 270 * x - 108
        #expect(abs(circuit.rate(input: x) - drive / (1 - exp(-0.154 * drive))) < 1e-12)
    }

    @Test func theNoiselessCircuitRestsAtTheSpontaneousFixedPoint() {
        let fixed = circuit.spontaneousState()
        var s = (0.02, 0.02)
        for _ in 0..<20_000 {
            let change = circuit.derivative(s, inputs: (0, 0))
            s = (s.0 + 0.0005 * change.0, s.1 + 0.0005 * change.1)
        }
        #expect(abs(s.0 - fixed.gating) < 1e-9 && abs(s.1 - fixed.gating) < 1e-9)
        #expect(fixed.rate > 1 && fixed.rate < 3, "spontaneous rate \(fixed.rate) Hz")
    }

    @Test func clearerEvidenceGivesMoreAccurateAndFasterDecisions() {
        var generator = TestGenerator(seed: 4)
        func run(_ coherence: Double) -> (accuracy: Double, time: Double) {
            let trials = (0..<100).map { _ in circuit.trial(coherence: coherence, using: &generator)
            }
            let correct = Double(trials.filter { $0.choice == 0 }.count) / 100
            return (correct, trials.map(\.time).reduce(0, +) / 100)
        }
        let weak = run(3.2)
        let strong = run(51.2)
        #expect(strong.accuracy > 0.97 && weak.accuracy < 0.9, "\(weak) \(strong)")
        #expect(strong.time < weak.time)
    }
}

@Suite struct RewardPredictionTests {
    @Test func theErrorMovesFromTheRewardToTheCue() {
        var learner = TemporalDifferenceLearner(steps: 10, learningRate: 0.3)
        let first = learner.trial(reward: 1, at: 6)
        #expect(first[0] == 0 && first[7] == 1)
        for _ in 0..<300 { _ = learner.trial(reward: 1, at: 6) }
        #expect(
            zip(learner.values, (0..<10).map { $0 <= 6 ? 1.0 : 0 }).allSatisfy {
                abs($0 - $1) < 1e-9
            })
        var omitted = learner
        let dip = omitted.trial(reward: 1, at: nil)
        #expect(abs(dip[0] - 1) < 1e-9 && abs(dip[7] + 1) < 1e-9)
    }

    @Test func withDiscountingValuesFollowPowersOfGamma() {
        var learner = TemporalDifferenceLearner(steps: 8, learningRate: 0.5, discount: 0.9)
        for _ in 0..<500 { _ = learner.trial(reward: 2, at: 5) }
        for k in 0...5 { #expect(abs(learner.values[k] - 2 * pow(0.9, Double(5 - k))) < 1e-9) }
        #expect(learner.values[6] == 0 && learner.values[7] == 0)
    }

    @Test func aBanditLearnerPrefersTheBetterArm() {
        var generator = TestGenerator(seed: 9)
        var agent = ActionValueLearner(actions: 2, learningRate: 0.05, inverseTemperature: 5)
        let payout = [0.2, 0.7]
        var better = 0
        for trial in 0..<2000 {
            let arm = agent.choose(using: &generator)
            let reward = Double.random(in: 0..<1, using: &generator) < payout[arm] ? 1.0 : 0
            let error = agent.learn(action: arm, reward: reward)
            #expect(abs(error - (reward - (agent.values[arm] - 0.05 * error))) < 1e-12)
            if trial >= 1000 && arm == 1 { better += 1 }
        }
        #expect(better > 850, "\(better)")
        #expect(abs(agent.values[1] - 0.7) < 0.2)
        #expect(abs(agent.choiceProbabilities.reduce(0, +) - 1) < 1e-12)
    }
}

@Suite struct HopfieldProjectionTests {
    @Test func projectionStoresCorrelatedPatternsThatHebbCannot() {
        var generator = TestGenerator(seed: 12)
        // Correlated patterns: a shared base with 10% of neurons changed in each.
        let base = HopfieldNetwork.randomPattern(size: 100, using: &generator)
        let patterns = (0..<8).map { _ in
            HopfieldNetwork.corrupt(base, flipping: 10, using: &generator)
        }
        var hebb = HopfieldNetwork(size: 100)
        hebb.store(patterns)
        let hebbFixed = patterns.filter { hebb.recall(from: $0, using: &generator).state == $0 }
            .count
        var projected = HopfieldNetwork(size: 100)
        projected.storeByProjection(patterns)
        let projectedFixed = patterns.filter {
            projected.recall(from: $0, using: &generator).state == $0
        }.count
        #expect(
            hebbFixed < 8 && projectedFixed == 8, "Hebb \(hebbFixed), projection \(projectedFixed)")
        #expect(
            (0..<100).allSatisfy { i in
                projected.weights[i * 100 + i] == 0
                    && (0..<100).allSatisfy {
                        projected.weights[i * 100 + $0] == projected.weights[$0 * 100 + i]
                    }
            })
    }

    @Test func forOrthogonalPatternsProjectionEqualsHebb() {
        // Two orthogonal patterns: C = I, so W = (1/N) Σ ξξᵀ, the outer-product rule.
        let a = [1, 1, 1, 1, -1, -1, -1, -1]
        let b = [1, -1, 1, -1, 1, -1, 1, -1]
        var hebb = HopfieldNetwork(size: 8)
        var projected = HopfieldNetwork(size: 8)
        hebb.store([a, b])
        projected.storeByProjection([a, b])
        #expect(zip(hebb.weights, projected.weights).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}
