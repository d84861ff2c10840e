/// Izhikevich's simple model (2003): two equations that reproduce many cortical firing
/// patterns at the cost of a few operations per step.
///
/// `v' = 0.04 v² + 5 v + 140 − u + I`, `u' = a (b v − u)`; when `v ≥ 30 mV`, `v ← c` and
/// `u ← u + d`. Units: ms and mV, with `I` in the model's own units.
public struct Izhikevich: Sendable, Equatable {
    /// The recovery rate `a` of `u`.
    public var a: Double
    /// The sensitivity `b` of `u` to `v`.
    public var b: Double
    /// The reset potential `c`, in mV.
    public var c: Double
    /// The increment `d` of `u` after a spike.
    public var d: Double

    /// A neuron with the given parameters (e.g. regular spiking: 0.02, 0.2, −65, 8).
    public init(a: Double, b: Double, c: Double, d: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// Regular spiking: excitatory cortical cells that adapt.
    public static let regularSpiking = Izhikevich(a: 0.02, b: 0.2, c: -65, d: 8)
    /// Fast spiking: inhibitory interneurons that fire fast without adapting.
    public static let fastSpiking = Izhikevich(a: 0.1, b: 0.2, c: -65, d: 2)
    /// Chattering: fast bursts of spikes separated by pauses.
    public static let chattering = Izhikevich(a: 0.02, b: 0.2, c: -50, d: 2)

    /// Simulates under `current(t)` with Euler steps of `dt` (Izhikevich used 0.5 ms for `v`;
    /// 0.1 ms is safer); starts at `v = −65`, `u = b v`. A step whose update takes `v` to the
    /// 30 mV peak by `detection`'s comparison (default `≥`) is a spike, stamped as `detection`
    /// says (default: the end of the step); the model has no refractory period, its reset
    /// and `u`'s jump do that work.
    public func simulate(
        duration: Double, step dt: Double = 0.1, detection: SpikeDetection = SpikeDetection(),
        current: (Double) -> Double
    ) -> (spikes: SpikeTrain, potential: [Double]) {
        var v = -65.0
        var u = b * v
        var spikes: [Double] = []
        var trace = [v]
        let steps = Int((duration / dt).rounded())
        for index in 0..<steps {
            let input = current(Double(index) * dt)
            let before = v
            v += dt * (0.04 * v * v + 5 * v + 140 - u + input)
            u += dt * a * (b * v - u)
            if detection.reaches(v, threshold: 30) {
                spikes.append(
                    detection.time(
                        stepStart: Double(index) * dt, stepEnd: Double(index + 1) * dt,
                        before: before, after: v, threshold: 30))
                trace.append(30)
                v = c
                u += d
            } else {
                trace.append(v)
            }
        }
        return (SpikeTrain(times: spikes, duration: duration), trace)
    }
}
