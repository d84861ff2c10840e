import Foundation
import Testing

@testable import Brain

@Suite struct LeakyIntegrateAndFireTests {
    let neuron = LeakyIntegrateAndFire()  // τ 10 ms, rest = reset −70, threshold −50, R 10 MΩ, 2 ms

    @Test func firesFiftyFiveTimesInASecondAt2Point5NanoampsAndNeverAt2() {
        #expect(neuron.simulate(constantCurrent: 2.5, duration: 1000).count == 55)
        #expect(neuron.simulate(constantCurrent: 2.0, duration: 1000).count == 0)
        #expect(neuron.simulate(duration: 1000, step: 0.01) { _ in 2.5 }.spikes.count == 55)
        #expect(neuron.simulate(duration: 1000, step: 0.01) { _ in 2.0 }.spikes.count == 0)
    }

    @Test func theFirstSpikeComesWhenTheClosedFormSays() {
        // V∞ = −45 mV; from −70 it takes τ ln(25 / 5) = 10 ln 5 ms to reach −50.
        let first = neuron.simulate(constantCurrent: 2.5, duration: 100).times[0]
        #expect(abs(first - 10 * log(5.0)) < 1e-12)
        #expect(abs(neuron.interspikeInterval(current: 2.5)! - (2 + 10 * log(5.0))) < 1e-12)
    }

    @Test func theSimulatedRateFollowsTheFICurve() {
        for current in stride(from: 2.1, through: 6.0, by: 0.3) {
            // Compare the interval between spikes: a count over a fixed time is off by up to one.
            let formula = neuron.interspikeInterval(current: current)!
            let intervals = neuron.simulate(duration: 2000, step: 0.01) { _ in current }.spikes
                .intervals
            let stepped = intervals.reduce(0, +) / Double(intervals.count)
            // A spike registers at the end of its step: intervals are at most one step longer.
            #expect(
                stepped >= formula && stepped - formula <= 0.01 + 1e-9,
                "I = \(current): \(stepped) vs \(formula)")
        }
        #expect(neuron.firingRate(current: 1.9) == 0)
    }

    @Test func withoutInputTheMembraneStaysAtRestAndDecaysBackToIt() {
        let quiet = neuron.simulate(duration: 50, step: 0.1) { _ in 0 }
        #expect(quiet.potential.allSatisfy { $0 == -70 })
        // A 1.5 nA pulse for 20 ms, then nothing: the potential rises below threshold and
        // relaxes with time constant τ.
        let pulse = neuron.simulate(duration: 60, step: 0.1) { t in t < 20 ? 1.5 : 0 }
        let peak = pulse.potential[200]
        #expect(abs(peak - (-70 + 15 * (1 - exp(-2)))) < 1e-9)
        let later = pulse.potential[300]  // 10 ms = one τ after the pulse
        #expect(abs((later + 70) / (peak + 70) - exp(-1)) < 1e-9)
    }
}
