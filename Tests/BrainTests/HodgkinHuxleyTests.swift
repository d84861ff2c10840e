import Foundation
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

@Suite struct HodgkinHuxleyMethodTests {
    /// Without the sodium and potassium channels the membrane is passive, linear with
    /// constant coefficients, and exponential Euler is exact at any step:
    /// `V(t) = V∞ + (V₀ − V∞) e^(−g_L t / C)` with `V∞ = E_L + I / g_L`.
    @Test func exponentialEulerIsExactOnAPassiveMembrane() {
        var passive = HodgkinHuxley()
        passive.sodiumConductance = 0
        passive.potassiumConductance = 0
        let run = passive.simulate(duration: 20, step: 0.5, method: .exponentialEuler) { _ in 3 }
        let target = passive.leakReversal + 3 / passive.leakConductance
        for (index, potential) in run.potential.enumerated() {
            let t = Double(index) * 0.5
            let exact = target + (-65 - target) * exp(-passive.leakConductance * t)
            #expect(abs(potential - exact) < 1e-10, "t = \(t): \(potential) vs \(exact)")
        }
    }

    /// With the potential held, each gate relaxes exactly to its steady value:
    /// `x ← x∞ + (x − x∞) e^(−(α + β) dt)`.
    @Test func exponentialEulerGatesByHand() {
        let model = HodgkinHuxley()
        let start = HodgkinHuxley.State(potential: -40, m: 0.1, h: 0.5, n: 0.3)
        let next = model.step(start, current: 0, dt: 0.2, method: .exponentialEuler)
        let r = HodgkinHuxley.rates(at: -40)
        func relax(_ x: Double, _ alpha: Double, _ beta: Double) -> Double {
            let steady = alpha / (alpha + beta)
            return steady + (x - steady) * exp(-(alpha + beta) * 0.2)
        }
        #expect(abs(next.m - relax(0.1, r.alphaM, r.betaM)) < 1e-15)
        #expect(abs(next.h - relax(0.5, r.alphaH, r.betaH)) < 1e-15)
        #expect(abs(next.n - relax(0.3, r.alphaN, r.betaN)) < 1e-15)
    }

    /// At a small step the two methods agree on the spikes; exponential Euler stays finite
    /// and still fires regularly at a step where Runge–Kutta's result is no longer a trace.
    @Test func theMethodsAgreeAtSmallStepsAndExponentialEulerSurvivesLargeOnes() {
        let model = HodgkinHuxley()
        let rk4 = model.simulate(duration: 100, step: 0.01) { _ in 10 }
        let euler = model.simulate(duration: 100, step: 0.01, method: .exponentialEuler) { _ in 10 }
        #expect(rk4.spikes.count == euler.spikes.count)
        #expect(abs(rk4.spikes.times[0] - euler.spikes.times[0]) < 0.05)
        #expect(
            model.step(model.restingState(), current: 10, dt: 0.01)
                == model.step(
                    model.restingState(), current: 10, dt: 0.01, method: .rungeKutta4))
        let coarse = model.simulate(duration: 100, step: 0.1, method: .exponentialEuler) { _ in 10 }
        #expect(coarse.potential.allSatisfy { $0.isFinite })
        #expect(abs(coarse.spikes.count - rk4.spikes.count) <= 1)
    }

    /// An interpolated stamp lies within its step, before the end-of-step stamp.
    @Test func interpolatedStampsLieWithinTheirSteps() {
        let model = HodgkinHuxley()
        let end = model.simulate(duration: 50, step: 0.05) { _ in 10 }.spikes.times
        let interpolated = model.simulate(
            duration: 50, step: 0.05, detection: SpikeDetection(stamp: .interpolated)
        ) { _ in 10 }.spikes.times
        #expect(end.count == interpolated.count && !end.isEmpty)
        for (a, b) in zip(interpolated, end) { #expect(a <= b && a > b - 0.05) }
    }
}
