import Foundation

/// Two populations that compete through recurrent excitation and mutual inhibition until one
/// wins: Wong & Wang's reduction (J. Neurosci. 26:1314–1328, 2006) of a spiking network of a
/// perceptual decision (the random-dot motion task), with their parameters.
///
/// Each population `i` has an NMDA gating variable `Sᵢ` and a rate `rᵢ = H(xᵢ)`:
/// `dSᵢ/dt = −Sᵢ/τ_S + (1 − Sᵢ) γ H(xᵢ)`,
/// `xᵢ = J₁₁ Sᵢ − J₁₂ S_j + I₀ + J_ext μ₀ (1 ± c/100) + I_noise,i`,
/// `H(x) = (a x − b) / (1 − e^(−d (a x − b)))`, and each noise current is an
/// Ornstein–Uhlenbeck process, `τ_AMPA dI/dt = −I + η √τ_AMPA σ`. A decision is made when a
/// rate reaches the threshold (15 Hz). Units: seconds, hertz, nanoamperes.
public struct DecisionCircuit: Sendable, Equatable {
    /// The slope of the rate function H: a, Hz/nA.
    public var gain = 270.0
    /// The offset of the rate function H: b, Hz.
    public var offset = 108.0
    /// The curvature of the rate function H: d, s.
    public var curvature = 0.154
    /// The kinetic parameter γ of the NMDA gating variable.
    public var gamma = 0.641
    /// The NMDA gating time constant: τ_S, s.
    public var synapticTime = 0.100
    /// The time constant of the noise current: τ_AMPA, s.
    public var noiseTime = 0.002
    /// The recurrent self-excitation: J₁₁, nA.
    public var selfExcitation = 0.2609
    /// The mutual inhibition: J₁₂, nA (the net effect of the shared inhibition).
    public var crossInhibition = 0.0497
    /// The coupling of the stimulus rate to the input current: J_ext, nA/Hz.
    public var inputCoupling = 5.2e-4
    /// The background current: I₀, nA.
    public var backgroundCurrent = 0.3255
    /// The amplitude of the noise current: σ, nA.
    public var noiseAmplitude = 0.02
    /// The stimulus rate μ₀ at 0 % coherence: μ₀, Hz.
    public var stimulus = 30.0
    /// The rate at which a decision is made: Hz.
    public var threshold = 15.0

    /// The circuit with Wong & Wang's parameters.
    public init() {}

    /// The population's rate for a total input `x`: `H(x) = (a x − b)/(1 − e^(−d(a x − b)))`,
    /// with its limit `1/d` where `a x = b`.
    public func rate(input x: Double) -> Double {
        let drive = gain * x - offset
        if abs(drive) < 1e-9 { return 1 / curvature + drive / 2 }
        return drive / (1 - exp(-curvature * drive))
    }

    /// The time derivatives of (S₁, S₂) for given inputs (noise included in them).
    public func derivative(_ s: (Double, Double), inputs: (Double, Double)) -> (Double, Double) {
        let x1 = selfExcitation * s.0 - crossInhibition * s.1 + backgroundCurrent + inputs.0
        let x2 = selfExcitation * s.1 - crossInhibition * s.0 + backgroundCurrent + inputs.1
        return (
            -s.0 / synapticTime + (1 - s.0) * gamma * rate(input: x1),
            -s.1 / synapticTime + (1 - s.1) * gamma * rate(input: x2)
        )
    }

    /// The symmetric fixed point without stimulus or noise (the spontaneous state), found by
    /// bisection on `S = γ H τ_S / (1 + γ H τ_S)` with `x = (J₁₁ − J₁₂) S + I₀`; returns S and
    /// the rate.
    public func spontaneousState() -> (gating: Double, rate: Double) {
        func excess(_ s: Double) -> Double {
            let h = rate(input: (selfExcitation - crossInhibition) * s + backgroundCurrent)
            return gamma * h * synapticTime / (1 + gamma * h * synapticTime) - s
        }
        var (low, high) = (0.0, 0.3)  // excess(0) > 0; the low state lies below 0.3
        precondition(excess(low) > 0 && excess(high) < 0, "no spontaneous state in [0, 0.3]")
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if excess(middle) > 0 { low = middle } else { high = middle }
        }
        let s = (low + high) / 2
        return (s, rate(input: (selfExcitation - crossInhibition) * s + backgroundCurrent))
    }

    /// One trial: starts in the spontaneous state with the stimulus on at t = 0, favouring
    /// population 1 by `coherence` percent, and integrates with Euler steps of `dt` (the noise
    /// exactly) until a rate reaches threshold or `limit` seconds pass. Returns the winner (0 or
    /// 1; nil if none) and the decision time in seconds.
    public func trial(
        coherence: Double, limit: Double = 2, step dt: Double = 0.0005,
        using generator: inout some RandomNumberGenerator
    ) -> (choice: Int?, time: Double) {
        var s = (spontaneousState().gating, spontaneousState().gating)
        var noise = (0.0, 0.0)
        let decay = exp(-dt / noiseTime)
        // Stationary variance of the noise: σ²/2; the exact update keeps it.
        let kick = noiseAmplitude * ((1 - decay * decay) / 2).squareRoot()
        let input = (
            inputCoupling * stimulus * (1 + coherence / 100),
            inputCoupling * stimulus * (1 - coherence / 100)
        )
        let steps = Int((limit / dt).rounded())
        for index in 1...steps {
            let total = (input.0 + noise.0, input.1 + noise.1)
            let change = derivative(s, inputs: total)
            s = (s.0 + dt * change.0, s.1 + dt * change.1)
            noise = (
                noise.0 * decay + kick * standardNormal(using: &generator),
                noise.1 * decay + kick * standardNormal(using: &generator)
            )
            let r1 = rate(
                input: selfExcitation * s.0 - crossInhibition * s.1 + backgroundCurrent + input.0
                    + noise.0)
            let r2 = rate(
                input: selfExcitation * s.1 - crossInhibition * s.0 + backgroundCurrent + input.1
                    + noise.1)
            if r1 >= threshold || r2 >= threshold {
                return (r1 >= r2 ? 0 : 1, Double(index) * dt)
            }
        }
        return (nil, limit)
    }
}
