import Foundation
import Testing

@testable import Brain

/// The spike conventions: stamp, comparison and refractory counting, against hand-computed
/// cases and the leaky integrate-and-fire neuron's closed form.
@Suite struct SpikeDetectionTests {
    @Test func stampsByHand() {
        // A step from 1.0 to 1.1 ms taking the potential from −52 to −48 across −50.
        func time(_ stamp: SpikeDetection.Stamp) -> Double {
            SpikeDetection(stamp: stamp).time(
                stepStart: 1.0, stepEnd: 1.1, before: -52, after: -48, threshold: -50)
        }
        #expect(time(.startOfStep) == 1.0)
        #expect(time(.endOfStep) == 1.1)
        #expect(abs(time(.interpolated) - 1.05) < 1e-15)
    }

    @Test func comparisonsByHand() {
        #expect(SpikeDetection(comparison: .atOrAbove).reaches(-50, threshold: -50))
        #expect(!SpikeDetection(comparison: .above).reaches(-50, threshold: -50))
        #expect(SpikeDetection(comparison: .above).reaches(-49.999, threshold: -50))
        #expect(SpikeDetection() == SpikeDetection(stamp: .endOfStep, comparison: .atOrAbove))
    }

    /// At rest exactly on the threshold, the exponential step leaves the potential exactly
    /// there: `≥` fires after every refractory period, `>` never.
    @Test func aPotentialExactlyAtThresholdFiresOnlyWithAtOrAbove() {
        let neuron = LeakyIntegrateAndFire(restingPotential: -50, resetPotential: -50)
        let atOrAbove = neuron.simulate(duration: 10, step: 0.5) { _ in 0 }
        #expect(atOrAbove.spikes.times == [0.5, 3, 5.5, 8])
        let above = neuron.simulate(
            duration: 10, step: 0.5, detection: SpikeDetection(comparison: .above)
        ) { _ in 0 }
        #expect(above.spikes.count == 0)
    }

    /// The first spike of a constant current: the closed form `τ ln 5 ≈ 16.094 ms` lies in
    /// the step from 16.0 to 16.1; the end stamps 16.1, the start 16.0, and the interpolated
    /// time is closer than either.
    @Test func stampsAgainstTheClosedForm() {
        let neuron = LeakyIntegrateAndFire()
        let exact = 10 * log(5.0)
        func first(_ stamp: SpikeDetection.Stamp) -> Double {
            neuron.simulate(duration: 20, step: 0.1, detection: SpikeDetection(stamp: stamp)) {
                _ in 2.5
            }.spikes.times[0]
        }
        #expect(abs(first(.endOfStep) - 16.1) < 1e-12)
        #expect(abs(first(.startOfStep) - 16.0) < 1e-12)
        #expect(abs(first(.interpolated) - exact) < 1e-3)
        #expect(abs(first(.interpolated) - exact) < abs(first(.startOfStep) - exact))
    }

    /// A 0.25 ms period in steps of 0.1 ms after a spike stamped at a step's end: the steps
    /// ending within it are 2, those starting within it 3.
    @Test func refractoryStepsByHand() {
        let neuron = LeakyIntegrateAndFire(refractoryPeriod: 0.25)
        func heldSteps(_ counting: RefractoryCounting) -> Int {
            let run = neuron.simulate(duration: 30, step: 0.1, refractoryCounting: counting) {
                _ in 10
            }
            let spike = Int((run.spikes.times[0] / 0.1).rounded())  // trace index of the spike
            return run.potential[(spike + 1)...].prefix { $0 == -70 }.count
        }
        #expect(heldSteps(.stepsEndingInPeriod) == 2)
        #expect(heldSteps(.stepsStartingInPeriod) == 3)
        #expect(
            RefractoryCounting.stepsStartingInPeriod.holds(
                stepStart: 1.2, stepEnd: 1.3, refractoryEnd: 1.25))
        #expect(
            !RefractoryCounting.stepsEndingInPeriod.holds(
                stepStart: 1.2, stepEnd: 1.3, refractoryEnd: 1.25))
    }
}
