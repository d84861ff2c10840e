/// How a simulation with a fixed time step turns a threshold crossing into a spike: which
/// comparison counts as reaching the threshold, and what time the spike is given.
///
/// A step runs from `t` to `t + dt` and takes the potential from `v₀` to `v₁`; the crossing
/// is seen at the end of the step, when `v₁` reaches the threshold `θ`. Simulators differ on
/// both choices (Brian2, for one, writes `v > v_th` and records a spike with the time `t` of
/// the step whose update crossed), so each is a parameter. The defaults, `≥` and the end of
/// the step, are what the library's models did before the choice existed.
public struct SpikeDetection: Sendable, Equatable {
    /// The time a spike is given within the step in which the threshold is crossed.
    public enum Stamp: Sendable, Equatable {
        /// `t`, the start of the step (Brian2's convention).
        case startOfStep
        /// `t + dt`, the end of the step, when the crossing is first seen (the default).
        case endOfStep
        /// Where the straight line from `(t, v₀)` to `(t + dt, v₁)` meets the threshold:
        /// `t + dt·(θ - v₀)/(v₁ - v₀)`; its error is of order `dt²` where the potential is
        /// smooth, against `dt` for the other two.
        case interpolated
    }

    /// Which comparison with the threshold fires.
    public enum Comparison: Sendable, Equatable {
        /// `v > θ`: a potential exactly at the threshold does not fire.
        case above
        /// `v ≥ θ` (the default): reaching the threshold fires.
        case atOrAbove
    }

    /// The time a spike is given.
    public var stamp: Stamp
    /// The comparison that fires.
    public var comparison: Comparison

    /// Spikes stamped as `stamp` when the potential passes the threshold by `comparison`.
    public init(stamp: Stamp = .endOfStep, comparison: Comparison = .atOrAbove) {
        self.stamp = stamp
        self.comparison = comparison
    }

    /// Whether `potential` has reached `threshold`: `potential > threshold` or `≥`.
    public func reaches(_ potential: Double, threshold: Double) -> Bool {
        switch comparison {
        case .above: potential > threshold
        case .atOrAbove: potential >= threshold
        }
    }

    /// The spike time for a crossing in the step from `start` to `end`, in which the
    /// potential went from `before` to `after`.
    public func time(
        stepStart start: Double, stepEnd end: Double, before: Double, after: Double,
        threshold: Double
    ) -> Double {
        switch stamp {
        case .startOfStep: return start
        case .endOfStep: return end
        case .interpolated:
            guard after != before else { return end }
            let fraction = (threshold - before) / (after - before)
            return start + (end - start) * min(max(fraction, 0), 1)
        }
    }
}

/// How the refractory period after a spike is counted in whole time steps.
///
/// During the refractory period the potential is held at its reset value and not integrated.
/// With steps of `dt` and a period `t_ref` after a spike at `s`, the two rules differ only
/// when `t_ref` is not a whole number of steps (or the spike time is interpolated): holding
/// the steps that *end* by `s + t_ref` holds `⌊t_ref/dt⌋` steps after an end-of-step spike,
/// holding those that *start* before it `⌈t_ref/dt⌉`.
public enum RefractoryCounting: Sendable, Equatable {
    /// Hold every step that ends at or before `s + t_ref` (the default, the library's rule
    /// before the choice existed).
    case stepsEndingInPeriod
    /// Hold every step that starts before `s + t_ref` (Brian2's test
    /// `t - lastspike < refractory`, at the step's start `t`).
    case stepsStartingInPeriod

    /// Whether the step from `start` to `end` is held, for a period that ends at
    /// `refractoryEnd`. A tolerance of 10⁻¹² ms absorbs the rounding of the step times.
    public func holds(stepStart start: Double, stepEnd end: Double, refractoryEnd: Double)
        -> Bool
    {
        switch self {
        case .stepsEndingInPeriod: end <= refractoryEnd + 1e-12
        case .stepsStartingInPeriod: start < refractoryEnd - 1e-12
        }
    }
}
