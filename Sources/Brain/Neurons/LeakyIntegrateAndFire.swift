import Foundation

/// A leaky integrate-and-fire neuron: a membrane that leaks towards rest and fires when it
/// reaches a threshold.
///
/// Below threshold the membrane potential follows
/// `τ_m dV/dt = −(V − V_rest) + R I(t)`. When `V` reaches `V_th` the neuron spikes, `V` is
/// reset to `V_reset`, and it stays there for the refractory period. Units: milliseconds,
/// millivolts, megaohms and nanoamperes (so `R I` is in millivolts).
public struct LeakyIntegrateAndFire: Sendable, Equatable {
    /// Membrane time constant τ_m, in ms.
    public var timeConstant: Double
    /// Resting potential V_rest, in mV: where the membrane leaks back to.
    public var restingPotential: Double
    /// Reset potential V_reset, in mV: where `V` is set after a spike.
    public var resetPotential: Double
    /// Firing threshold V_th, in mV.
    public var threshold: Double
    /// Membrane resistance R, in MΩ.
    public var resistance: Double
    /// Refractory period after a spike, in ms.
    public var refractoryPeriod: Double

    /// A neuron with the given membrane (ms, mV, MΩ); the defaults are a typical cortical
    /// cell's: τ_m 10 ms, rest and reset −70 mV, threshold −50 mV, 10 MΩ, 2 ms refractory.
    public init(
        timeConstant: Double = 10, restingPotential: Double = -70, resetPotential: Double = -70,
        threshold: Double = -50, resistance: Double = 10, refractoryPeriod: Double = 2
    ) {
        self.timeConstant = timeConstant
        self.restingPotential = restingPotential
        self.resetPotential = resetPotential
        self.threshold = threshold
        self.resistance = resistance
        self.refractoryPeriod = refractoryPeriod
    }

    /// The potential the membrane settles at under a constant current: `V∞ = V_rest + R I`.
    public func steadyState(current: Double) -> Double { restingPotential + resistance * current }

    /// The firing rate for a constant current, in spikes per second (the f–I curve):
    /// zero unless `V∞ > V_th`, else `1 / (t_ref + τ_m ln((V∞ − V_reset) / (V∞ − V_th)))`.
    public func firingRate(current: Double) -> Double {
        guard let interval = interspikeInterval(current: current) else { return 0 }
        return 1000 / interval
    }

    /// Milliseconds between spikes under a constant current, or nil if it never fires.
    public func interspikeInterval(current: Double) -> Double? {
        let target = steadyState(current: current)
        guard target > threshold else { return nil }
        return refractoryPeriod + timeToThreshold(from: resetPotential, target: target)
    }

    /// Time for `V` to climb exponentially from `start` to `V_th` on its way to `target`.
    func timeToThreshold(from start: Double, target: Double) -> Double {
        timeConstant * log((target - start) / (target - threshold))
    }

    /// Simulates a constant current exactly: between spikes the membrane equation is solved in
    /// closed form, so each spike time is exact, not rounded to a time step.
    public func simulate(constantCurrent current: Double, duration: Double) -> SpikeTrain {
        var spikes: [Double] = []
        var time = 0.0
        var potential = restingPotential
        let target = steadyState(current: current)
        while target > threshold {
            let spike = time + timeToThreshold(from: potential, target: target)
            guard spike <= duration else { break }
            spikes.append(spike)
            time = spike + refractoryPeriod
            potential = resetPotential
        }
        return SpikeTrain(times: spikes, duration: duration)
    }

    /// Simulates a time-varying current with a fixed step `dt`, using the exponential
    /// integrator that is exact for a current held constant over each step:
    /// `V ← V∞(t) + (V − V∞(t)) e^(−dt/τ_m)`. A spike is recorded when `V` reaches threshold
    /// by `detection`'s comparison, at the time its stamp says; `V` is then held at
    /// `V_reset` during the refractory period, counted in steps as `refractoryCounting`
    /// says. The defaults (`≥`, the end of the step, and holding the steps that end within
    /// the period) are the behaviour before these choices existed. Returns the spikes and the
    /// potential at every step.
    public func simulate(
        duration: Double, step dt: Double, detection: SpikeDetection = SpikeDetection(),
        refractoryCounting: RefractoryCounting = .stepsEndingInPeriod,
        current: (Double) -> Double
    ) -> (spikes: SpikeTrain, potential: [Double]) {
        let steps = Int((duration / dt).rounded())
        let decay = exp(-dt / timeConstant)
        var potential = restingPotential
        var refractoryUntil = -Double.infinity
        var spikes: [Double] = []
        var trace: [Double] = [potential]
        trace.reserveCapacity(steps + 1)
        for index in 0..<steps {
            let (start, end) = (Double(index) * dt, Double(index + 1) * dt)
            if refractoryCounting.holds(
                stepStart: start, stepEnd: end, refractoryEnd: refractoryUntil)
            {
                potential = resetPotential
            } else {
                let before = potential
                let target = steadyState(current: current(start))
                potential = target + (potential - target) * decay
                if detection.reaches(potential, threshold: threshold) {
                    let spike = detection.time(
                        stepStart: start, stepEnd: end, before: before, after: potential,
                        threshold: threshold)
                    spikes.append(spike)
                    potential = resetPotential
                    refractoryUntil = spike + refractoryPeriod
                }
            }
            trace.append(potential)
        }
        return (SpikeTrain(times: spikes, duration: duration), trace)
    }
}
