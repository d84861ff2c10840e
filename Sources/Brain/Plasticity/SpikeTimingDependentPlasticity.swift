import Foundation

/// Pair-based spike-timing-dependent plasticity (Bi & Poo 1998; Song, Miller & Abbott 2000).
///
/// For a presynaptic spike at `t_pre` and a postsynaptic spike at `t_post`, with
/// `Δt = t_post − t_pre`: `Δw = A₊ e^(−Δt/τ₊)` when `Δt > 0` (pre before post: potentiation),
/// and `Δw = −A₋ e^(Δt/τ₋)` when `Δt < 0` (post before pre: depression).
public struct SpikeTimingDependentPlasticity: Sendable, Equatable {
    /// The amplitude `A₊` of potentiation.
    public var potentiation: Double
    /// The amplitude `A₋` of depression.
    public var depression: Double
    /// τ₊ and τ₋, in ms.
    public var potentiationTime: Double
    /// τ₋, the time constant of depression, in ms.
    public var depressionTime: Double

    /// Song, Miller & Abbott's values: A₊ = 0.005, A₋ = 1.05 A₊, τ₊ = τ₋ = 20 ms.
    public init(
        potentiation: Double = 0.005, depression: Double = 0.00525, potentiationTime: Double = 20,
        depressionTime: Double = 20
    ) {
        self.potentiation = potentiation
        self.depression = depression
        self.potentiationTime = potentiationTime
        self.depressionTime = depressionTime
    }

    /// The weight change for one pair, `Δt = t_post − t_pre` in ms (0 for simultaneous spikes).
    public func weightChange(timing delta: Double) -> Double {
        if delta > 0 { return potentiation * exp(-delta / potentiationTime) }
        if delta < 0 { return -depression * exp(delta / depressionTime) }
        return 0
    }

    /// The total change from every pair of pre- and postsynaptic spikes (all-to-all pairing).
    public func weightChange(pre: [Double], post: [Double]) -> Double {
        var total = 0.0
        for tPre in pre {
            for tPost in post { total += weightChange(timing: tPost - tPre) }
        }
        return total
    }
}
