import Foundation

/// The Hodgkin–Huxley model of the squid giant axon (1952), in the modern convention with the
/// resting potential near −65 mV.
///
/// `C_m dV/dt = I − g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L)`, and each gate
/// `x ∈ {m, h, n}` follows `dx/dt = α_x(V)(1 − x) − β_x(V) x`. Units: ms, mV, µF/cm²,
/// mS/cm², µA/cm².
public struct HodgkinHuxley: Sendable, Equatable {
    /// Membrane capacitance C_m, in µF/cm².
    public var capacitance = 1.0
    /// Maximal sodium conductance g_Na, in mS/cm².
    public var sodiumConductance = 120.0
    /// Maximal potassium conductance g_K, in mS/cm².
    public var potassiumConductance = 36.0
    /// Leak conductance g_L, in mS/cm².
    public var leakConductance = 0.3
    /// Sodium reversal potential E_Na, in mV.
    public var sodiumReversal = 50.0
    /// Potassium reversal potential E_K, in mV.
    public var potassiumReversal = -77.0
    /// Leak reversal potential E_L, in mV (chosen so that the cell rests near −65 mV).
    public var leakReversal = -54.387

    /// The squid axon's parameters as Hodgkin and Huxley fitted them, shifted to rest near
    /// −65 mV.
    public init() {}

    /// The membrane potential and the three gating variables.
    public struct State: Sendable, Equatable {
        /// Membrane potential V, in mV.
        public var potential: Double
        /// Sodium activation m, between 0 and 1.
        public var m: Double
        /// Sodium inactivation h, between 0 and 1.
        public var h: Double
        /// Potassium activation n, between 0 and 1.
        public var n: Double

        /// A state with the given potential (mV) and gating variables.
        public init(potential: Double, m: Double, h: Double, n: Double) {
            self.potential = potential
            self.m = m
            self.h = h
            self.n = n
        }
    }

    /// Opening and closing rates, per ms, at potential `v` (mV).
    public static func rates(at v: Double) -> (
        alphaM: Double, betaM: Double, alphaH: Double, betaH: Double, alphaN: Double, betaN: Double
    ) {
        (
            alphaM: 0.1 * vtrap(-(v + 40), 10),
            betaM: 4 * exp(-(v + 65) / 18),
            alphaH: 0.07 * exp(-(v + 65) / 20),
            betaH: 1 / (1 + exp(-(v + 35) / 10)),
            alphaN: 0.01 * vtrap(-(v + 55), 10),
            betaN: 0.125 * exp(-(v + 65) / 80)
        )
    }

    /// `x / (exp(x / y) − 1)`, with its limit `y` at `x = 0` (where α_m and α_n are 0/0).
    static func vtrap(_ x: Double, _ y: Double) -> Double {
        abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (exp(x / y) - 1)
    }

    /// The resting state: the gates at their steady values for `potential`.
    public func restingState(potential: Double = -65) -> State {
        let r = Self.rates(at: potential)
        return State(
            potential: potential, m: r.alphaM / (r.alphaM + r.betaM),
            h: r.alphaH / (r.alphaH + r.betaH), n: r.alphaN / (r.alphaN + r.betaN))
    }

    /// The time derivatives of the state under an injected current.
    public func derivative(of s: State, current: Double) -> State {
        let r = Self.rates(at: s.potential)
        let sodium = sodiumConductance * s.m * s.m * s.m * s.h * (s.potential - sodiumReversal)
        let potassium = potassiumConductance * pow(s.n, 4) * (s.potential - potassiumReversal)
        let leak = leakConductance * (s.potential - leakReversal)
        return State(
            potential: (current - sodium - potassium - leak) / capacitance,
            m: r.alphaM * (1 - s.m) - r.betaM * s.m,
            h: r.alphaH * (1 - s.h) - r.betaH * s.h,
            n: r.alphaN * (1 - s.n) - r.betaN * s.n)
    }

    /// A numerical method for advancing the state by one step.
    public enum Method: Sendable, Equatable {
        /// Classic fourth-order Runge–Kutta (the default): accurate at dt = 0.01 ms, but its
        /// stability region is bounded, and the fast sodium gate makes it fail at larger
        /// steps.
        case rungeKutta4
        /// Exponential Euler, Brian2's usual method for this model: each variable follows
        /// the exact solution of its own equation, linear in itself, with the others held at
        /// their values at the start of the step. A gate `x` relaxes to `x∞ = α/(α + β)` with
        /// rate `α + β`; the potential relaxes to the conductance-weighted mean of the
        /// reversal potentials (plus `I/g`) with rate `g/C`, `g` the total conductance.
        /// First-order accurate, but it never overshoots a gate out of `[0, 1]`, so it stays
        /// stable at steps where Runge–Kutta does not.
        case exponentialEuler
    }

    /// One step of length `dt` by `method`.
    public func step(_ s: State, current: Double, dt: Double, method: Method) -> State {
        switch method {
        case .rungeKutta4: step(s, current: current, dt: dt)
        case .exponentialEuler: exponentialEulerStep(s, current: current, dt: dt)
        }
    }

    /// One exponential Euler step of length `dt` (see ``HodgkinHuxley/Method/exponentialEuler``):
    /// `x ← x∞ + (x − x∞) e^(−(α + β) dt)` for each gate and
    /// `V ← V∞ + (V − V∞) e^(−g dt / C)` with `g = g_Na m³h + g_K n⁴ + g_L` and
    /// `V∞ = (g_Na m³h E_Na + g_K n⁴ E_K + g_L E_L + I) / g`, all at the step's start.
    public func exponentialEulerStep(_ s: State, current: Double, dt: Double) -> State {
        let r = Self.rates(at: s.potential)
        func relax(_ x: Double, _ alpha: Double, _ beta: Double) -> Double {
            let rate = alpha + beta
            let steady = alpha / rate
            return steady + (x - steady) * exp(-rate * dt)
        }
        let sodium = sodiumConductance * s.m * s.m * s.m * s.h
        let potassium = potassiumConductance * pow(s.n, 4)
        let total = sodium + potassium + leakConductance
        let target =
            (sodium * sodiumReversal + potassium * potassiumReversal + leakConductance
                * leakReversal + current) / total
        return State(
            potential: target + (s.potential - target) * exp(-total * dt / capacitance),
            m: relax(s.m, r.alphaM, r.betaM), h: relax(s.h, r.alphaH, r.betaH),
            n: relax(s.n, r.alphaN, r.betaN))
    }

    /// One classic fourth-order Runge–Kutta step of length `dt` (stable at dt = 0.01 ms).
    public func step(_ s: State, current: Double, dt: Double) -> State {
        func add(_ a: State, _ b: State, _ scale: Double) -> State {
            State(
                potential: a.potential + scale * b.potential, m: a.m + scale * b.m,
                h: a.h + scale * b.h, n: a.n + scale * b.n)
        }
        let k1 = derivative(of: s, current: current)
        let k2 = derivative(of: add(s, k1, dt / 2), current: current)
        let k3 = derivative(of: add(s, k2, dt / 2), current: current)
        let k4 = derivative(of: add(s, k3, dt), current: current)
        return State(
            potential: s.potential + dt / 6
                * (k1.potential + 2 * k2.potential + 2 * k3.potential + k4.potential),
            m: s.m + dt / 6 * (k1.m + 2 * k2.m + 2 * k3.m + k4.m),
            h: s.h + dt / 6 * (k1.h + 2 * k2.h + 2 * k3.h + k4.h),
            n: s.n + dt / 6 * (k1.n + 2 * k2.n + 2 * k3.n + k4.n))
    }

    /// Simulates from rest under `current(t)` with steps of `dt` by `method`; a spike is an
    /// upward crossing of `spikeLevel` (a step that starts below it, by `detection`'s
    /// comparison, and ends at or above it), stamped as `detection` says. The defaults,
    /// Runge–Kutta, `≥` and the end of the step, are the model's behaviour before these
    /// choices existed. The model has no refractory period of its own: its sodium
    /// inactivation makes one.
    public func simulate(
        duration: Double, step dt: Double = 0.01, spikeLevel: Double = 0,
        method: Method = .rungeKutta4, detection: SpikeDetection = SpikeDetection(),
        current: (Double) -> Double
    ) -> (spikes: SpikeTrain, potential: [Double]) {
        var state = restingState()
        var trace = [state.potential]
        var spikes: [Double] = []
        let steps = Int((duration / dt).rounded())
        trace.reserveCapacity(steps + 1)
        for index in 0..<steps {
            let previous = state.potential
            state = step(state, current: current(Double(index) * dt), dt: dt, method: method)
            if !detection.reaches(previous, threshold: spikeLevel),
                detection.reaches(state.potential, threshold: spikeLevel)
            {
                spikes.append(
                    detection.time(
                        stepStart: Double(index) * dt, stepEnd: Double(index + 1) * dt,
                        before: previous, after: state.potential, threshold: spikeLevel))
            }
            trace.append(state.potential)
        }
        return (SpikeTrain(times: spikes, duration: duration), trace)
    }
}
