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
    public var restingPotential: Double
    public var resetPotential: Double
    public var threshold: Double
    /// Membrane resistance R, in MΩ.
    public var resistance: Double
    /// Refractory period after a spike, in ms.
    public var refractoryPeriod: Double

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
    /// `V ← V∞(t) + (V − V∞(t)) e^(−dt/τ_m)`. A spike is recorded at the end of the step in
    /// which `V` reaches threshold. Returns the spikes and the potential at every step.
    public func simulate(
        duration: Double, step dt: Double, current: (Double) -> Double
    ) -> (spikes: SpikeTrain, potential: [Double]) {
        let steps = Int((duration / dt).rounded())
        let decay = exp(-dt / timeConstant)
        var potential = restingPotential
        var refractoryUntil = -Double.infinity
        var spikes: [Double] = []
        var trace: [Double] = [potential]
        trace.reserveCapacity(steps + 1)
        for index in 0..<steps {
            let time = Double(index + 1) * dt
            if time <= refractoryUntil + 1e-12 {
                potential = resetPotential
            } else {
                let target = steadyState(current: current(Double(index) * dt))
                potential = target + (potential - target) * decay
                if potential >= threshold {
                    spikes.append(time)
                    potential = resetPotential
                    refractoryUntil = time + refractoryPeriod
                }
            }
            trace.append(potential)
        }
        return (SpikeTrain(times: spikes, duration: duration), trace)
    }
}
