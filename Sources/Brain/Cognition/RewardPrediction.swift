import Foundation

/// Learning from a reward-prediction error, the signal that midbrain dopamine neurons appear
/// to carry (Schultz, Dayan & Montague, Science 275:1593–1599, 1997).
///
/// Temporal-difference learning (Sutton 1988) over a "complete serial compound": each time
/// step since a cue has a value `V[k]`; the error at step `k` is
/// `δ_k = r_k + γ V[k+1] − V[k]`, and `V[k] ← V[k] + α δ_k`. The cue arrives unpredictably, so
/// the moment before it has value 0 and the cue itself brings the error `δ_cue = γ V[0]`.
public struct TemporalDifferenceLearner: Sendable, Equatable {
    /// The learning rate α.
    public var learningRate: Double
    /// The discount γ of the next step's value.
    public var discount: Double
    /// `V[k]` for each step `k` after the cue; after the last step the trial ends (value 0).
    public private(set) var values: [Double]

    /// A learner with a value of 0 for each of `steps` steps after the cue.
    public init(steps: Int, learningRate: Double, discount: Double = 1) {
        self.learningRate = learningRate
        self.discount = discount
        values = Array(repeating: 0, count: steps)
    }

    /// One trial with `reward` at step `rewardStep` (nil: no reward). Learns, and returns the
    /// errors: first the cue's, `γ V[0]`, then `δ_0 … δ_(steps−1)`, computed before each update.
    public mutating func trial(reward: Double, at rewardStep: Int?) -> [Double] {
        var errors = [discount * values[0]]
        for k in values.indices {
            let next = k + 1 < values.count ? values[k + 1] : 0
            let r = k == rewardStep ? reward : 0
            let delta = r + discount * next - values[k]
            values[k] += learningRate * delta
            errors.append(delta)
        }
        return errors
    }
}

/// An agent that learns the value of each action from its own reward-prediction error,
/// `Q(a) ← Q(a) + α (r − Q(a))` (the Rescorla–Wagner rule), and chooses by a softmax with
/// inverse temperature β: `P(a) ∝ e^(β Q(a))`.
public struct ActionValueLearner: Sendable, Equatable {
    /// The learning rate α.
    public var learningRate: Double
    /// The inverse temperature β of the softmax choice.
    public var inverseTemperature: Double
    /// `Q(a)` for each action `a`.
    public private(set) var values: [Double]

    /// A learner that values each of `actions` actions at 0.
    public init(actions: Int, learningRate: Double, inverseTemperature: Double) {
        self.learningRate = learningRate
        self.inverseTemperature = inverseTemperature
        values = Array(repeating: 0, count: actions)
    }

    /// The probability of each action under the softmax.
    public var choiceProbabilities: [Double] {
        let top = values.max() ?? 0
        let weights = values.map { exp(inverseTemperature * ($0 - top)) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Draws an action from the softmax.
    public func choose(using generator: inout some RandomNumberGenerator) -> Int {
        var draw = Double.random(in: 0..<1, using: &generator)
        for (action, p) in choiceProbabilities.enumerated() {
            if draw < p { return action }
            draw -= p
        }
        return values.count - 1
    }

    /// Learns from the reward of `action`; returns the prediction error `r − Q(a)`.
    @discardableResult
    public mutating func learn(action: Int, reward: Double) -> Double {
        let error = reward - values[action]
        values[action] += learningRate * error
        return error
    }
}
