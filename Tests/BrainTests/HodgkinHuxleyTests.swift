import Testing

@testable import Brain

@Suite struct HodgkinHuxleyTests {
    let model = HodgkinHuxley()

    @Test func restsNearMinus65Millivolts() {
        let rest = model.simulate(duration: 100) { _ in 0 }
        let drift = rest.potential.map { abs($0 + 65) }.max()!
        #expect(drift < 0.1, "rest drifted by \(drift) mV")
        #expect(rest.spikes.count == 0)
    }

    @Test func twoMicroampsDoesNotFireRepetitivelyButTenDoes() {
        let weak = model.simulate(duration: 200) { _ in 2 }
        #expect(weak.spikes.times.filter { $0 > 50 }.isEmpty, "spikes at \(weak.spikes.times)")
        let strong = model.simulate(duration: 200) { _ in 10 }
        #expect(strong.spikes.count >= 10)
        // Regular: after the first, every interval is within 1% of the last one.
        let intervals = strong.spikes.intervals.dropFirst()
        let last = intervals.last!
        #expect(intervals.allSatisfy { abs($0 - last) / last < 0.01 })
        #expect(last > 10 && last < 20, "interval \(last) ms")
    }

    @Test func repetitiveFiringStartsBetween6And7MicroampsAndCoexistsWithRest() {
        func late(_ current: Double) -> Int {
            model.simulate(duration: 300) { _ in current }.spikes.times.filter { $0 > 100 }.count
        }
        #expect(late(6.0) == 0)
        #expect(late(6.5) >= 2)
        // At 8 µA/cm², started exactly at its equilibrium, the neuron stays quiet (bistability).
        var (low, high) = (-70.0, -55.0)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            var g = model.restingState(potential: middle)
            g.potential = middle
            let ionic = -model.derivative(of: g, current: 0).potential * model.capacitance
            if ionic < 8 { low = middle } else { high = middle }
        }
        var state = model.restingState(potential: low)
        var peak = state.potential
        for _ in 0..<20_000 {
            state = model.step(state, current: 8, dt: 0.01)
            peak = max(peak, state.potential)
        }
        #expect(peak < -55, "peak \(peak) mV")
    }

    @Test func anActionPotentialPeaksNearPlus40() {
        let run = model.simulate(duration: 30) { _ in 10 }
        let peak = run.potential.max()!
        #expect(peak > 30 && peak < 50)
    }

    @Test func gateRatesMatchPublishedValuesAtRest() {
        let r = HodgkinHuxley.rates(at: -65)
        // Steady states at −65 mV: m ≈ 0.0529, h ≈ 0.5961, n ≈ 0.3177.
        let state = model.restingState()
        #expect(abs(state.m - 0.0529) < 0.0005)
        #expect(abs(state.h - 0.5961) < 0.0005)
        #expect(abs(state.n - 0.3177) < 0.0005)
        #expect(abs(r.betaN - 0.125) < 1e-12)
        // The removable singularities of α_m at −40 mV and α_n at −55 mV are their limits.
        #expect(abs(HodgkinHuxley.rates(at: -40).alphaM - 1.0) < 1e-6)
        #expect(abs(HodgkinHuxley.rates(at: -55).alphaN - 0.1) < 1e-6)
    }
}
