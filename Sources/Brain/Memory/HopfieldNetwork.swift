/// A Hopfield network (1982): binary neurons `sᵢ ∈ {−1, +1}`, symmetric weights, and memories
/// stored as minima of an energy.
///
/// Patterns `ξ^μ` are stored with the Hebbian outer-product rule `W = (1/N) Σ_μ ξ^μ ξ^μᵀ`,
/// with a zero diagonal. Recall updates one neuron at a time, `sᵢ ← sign(Σ_j W_ij s_j)`, and
/// every such update leaves the energy `E = −½ sᵀ W s` unchanged or lower.
public struct HopfieldNetwork: Sendable, Equatable {
    /// The number of neurons `N`.
    public let size: Int
    /// Row-major `size × size` weights.
    public private(set) var weights: [Double]

    /// A network of `size` neurons that stores no pattern yet (all weights 0).
    public init(size: Int) {
        self.size = size
        weights = Array(repeating: 0, count: size * size)
    }

    /// Stores patterns of ±1 with the outer-product rule.
    public mutating func store(_ patterns: [[Int]]) {
        for pattern in patterns {
            precondition(
                pattern.count == size,
                "HopfieldNetwork.store: a pattern of \(pattern.count) for \(size) neurons")
            for i in 0..<size {
                for j in 0..<size where i != j {
                    weights[i * size + j] += Double(pattern[i] * pattern[j]) / Double(size)
                }
            }
        }
    }

    /// Stores patterns with the projection (pseudo-inverse) rule of Personnaz, Guyon & Dreyfus
    /// (1985), replacing any weights stored before: `W = (1/N) Ξ C⁻¹ Ξᵀ` with the overlap
    /// matrix `C = ΞᵀΞ / N`, then a zero diagonal. Unlike the outer-product rule it makes every
    /// stored pattern a fixed point even when the patterns are correlated (as long as they are
    /// linearly independent); the weights stay symmetric, so recall still descends the energy.
    /// It is not local: each weight depends on every pattern through `C⁻¹`.
    public mutating func storeByProjection(_ patterns: [[Int]]) {
        let count = patterns.count
        precondition(
            count > 0 && patterns.allSatisfy { $0.count == size },
            "HopfieldNetwork.storeByProjection: patterns must have \(size) neurons")
        // C⁻¹ by Gauss–Jordan elimination with partial pivoting on [C | I].
        var augmented = (0..<count).map { mu in
            (0..<count).map { nu in
                Double(zip(patterns[mu], patterns[nu]).reduce(0) { $0 + $1.0 * $1.1 })
                    / Double(size)
            } + (0..<count).map { $0 == mu ? 1.0 : 0.0 }
        }
        for column in 0..<count {
            let pivot = (column..<count).max {
                abs(augmented[$0][column]) < abs(augmented[$1][column])
            }!
            precondition(
                abs(augmented[pivot][column]) > 1e-12,
                "HopfieldNetwork.storeByProjection: the patterns are linearly dependent")
            augmented.swapAt(column, pivot)
            let scale = augmented[column][column]
            augmented[column] = augmented[column].map { $0 / scale }
            for row in 0..<count where row != column {
                let factor = augmented[row][column]
                if factor != 0 {
                    augmented[row] = zip(augmented[row], augmented[column]).map { $0 - factor * $1 }
                }
            }
        }
        // C is symmetric, so its inverse is too; average away the rounding that breaks it.
        let inverse = (0..<count).map { mu in
            (0..<count).map { nu in (augmented[mu][count + nu] + augmented[nu][count + mu]) / 2 }
        }
        for i in 0..<size {
            weights[i * size + i] = 0
            for j in (i + 1)..<max(size, i + 1) {
                var total = 0.0
                for mu in 0..<count {
                    for nu in 0..<count {
                        total += Double(patterns[mu][i] * patterns[nu][j]) * inverse[mu][nu]
                    }
                }
                // Computed once and mirrored, so the weights are exactly symmetric.
                weights[i * size + j] = total / Double(size)
                weights[j * size + i] = total / Double(size)
            }
        }
    }

    /// The energy `E = −½ Σ_ij W_ij sᵢ s_j`.
    public func energy(_ state: [Int]) -> Double {
        var total = 0.0
        for i in 0..<size {
            for j in 0..<size { total += weights[i * size + j] * Double(state[i] * state[j]) }
        }
        return -total / 2
    }

    /// The input to neuron `i`, `hᵢ = Σ_j W_ij s_j`.
    public func field(_ state: [Int], at i: Int) -> Double {
        var total = 0.0
        for j in 0..<size { total += weights[i * size + j] * Double(state[j]) }
        return total
    }

    /// Asynchronous recall: sweeps the neurons in a random order, updating each, until a whole
    /// sweep changes nothing (a fixed point) or `sweeps` run out. Returns the final state and
    /// the energy after every single update.
    public func recall(
        from cue: [Int], sweeps: Int = 20, using generator: inout some RandomNumberGenerator
    ) -> (state: [Int], energies: [Double]) {
        var state = cue
        var energies = [energy(state)]
        for _ in 0..<sweeps {
            var changed = false
            for i in (0..<size).shuffled(using: &generator) {
                let h = field(state, at: i)
                let next = h > 0 ? 1 : h < 0 ? -1 : state[i]
                if next != state[i] {
                    // ΔE = −(next − old) hᵢ, from the symmetric weights with zero diagonal.
                    energies.append(energies[energies.count - 1] - Double(next - state[i]) * h)
                    state[i] = next
                    changed = true
                } else {
                    energies.append(energies[energies.count - 1])
                }
            }
            if !changed { break }
        }
        return (state, energies)
    }

    /// The overlap `m = (1/N) Σ ξᵢ sᵢ` of two patterns: 1 when equal, −1 when opposite.
    public static func overlap(_ a: [Int], _ b: [Int]) -> Double {
        Double(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }) / Double(a.count)
    }

    /// A random pattern of ±1.
    public static func randomPattern(size: Int, using generator: inout some RandomNumberGenerator)
        -> [Int]
    {
        (0..<size).map { _ in Bool.random(using: &generator) ? 1 : -1 }
    }

    /// The pattern with `count` randomly chosen neurons flipped.
    public static func corrupt(
        _ pattern: [Int], flipping count: Int, using generator: inout some RandomNumberGenerator
    ) -> [Int] {
        var copy = pattern
        for i in Array(pattern.indices.shuffled(using: &generator).prefix(count)) {
            copy[i] = -copy[i]
        }
        return copy
    }

    /// Measures capacity: for each load `P`, stores `P` random patterns in a network of `size`
    /// neurons, starts recall at each stored pattern, and reports the mean final overlap.
    /// Recall stays near perfect up to about `0.138 N` patterns (Amit, Gutfreund & Sompolinsky
    /// 1985) and collapses beyond.
    public static func recallQuality(
        size: Int, loads: [Int], using generator: inout some RandomNumberGenerator
    ) -> [(patterns: Int, overlap: Double)] {
        loads.map { load in
            var network = HopfieldNetwork(size: size)
            let patterns = (0..<load).map { _ in randomPattern(size: size, using: &generator) }
            network.store(patterns)
            let total = patterns.reduce(0.0) { sum, pattern in
                sum + overlap(network.recall(from: pattern, using: &generator).state, pattern)
            }
            return (load, total / Double(load))
        }
    }
}
