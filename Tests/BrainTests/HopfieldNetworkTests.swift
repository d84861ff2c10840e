import Testing

@testable import Brain

@Suite struct HopfieldNetworkTests {
    @Test func recallsStoredPatternsFromCorruptedCuesWithEnergyNeverRising() {
        var generator = TestGenerator(seed: 11)
        let patterns = (0..<5).map { _ in
            HopfieldNetwork.randomPattern(size: 200, using: &generator)
        }
        var network = HopfieldNetwork(size: 200)
        network.store(patterns)
        for pattern in patterns {
            let cue = HopfieldNetwork.corrupt(pattern, flipping: 40, using: &generator)
            #expect(HopfieldNetwork.overlap(cue, pattern) == 0.6)
            let (state, energies) = network.recall(from: cue, using: &generator)
            #expect(state == pattern)
            #expect(zip(energies, energies.dropFirst()).allSatisfy { $1 <= $0 + 1e-12 })
            #expect(abs(energies.last! - network.energy(state)) < 1e-9, "tracked energy matches")
        }
    }

    @Test func storedPatternsAreFixedPointsAndTheirEnergyIsLow() {
        var generator = TestGenerator(seed: 3)
        let pattern = HopfieldNetwork.randomPattern(size: 50, using: &generator)
        var network = HopfieldNetwork(size: 50)
        network.store([pattern])
        #expect(network.recall(from: pattern, using: &generator).state == pattern)
        // One pattern: E = −½ (1/N) ((Σ ξᵢ ξᵢ)² − N) = −(N − 1) / 2.
        #expect(abs(network.energy(pattern) + 24.5) < 1e-9)
        #expect(
            network.weights
                == network.weights.indices.map { network.weights[($0 % 50) * 50 + $0 / 50] },
            "symmetric")
    }

    @Test func capacityIsNearPoint138N() {
        var generator = TestGenerator(seed: 5)
        let size = 200
        let quality = HopfieldNetwork.recallQuality(
            size: size, loads: [10, 20, 40, 60], using: &generator)
        #expect(quality[0].overlap > 0.99 && quality[1].overlap > 0.97, "\(quality)")
        #expect(quality[3].overlap < 0.8, "\(quality)")
    }
}
