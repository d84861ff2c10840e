import Foundation

/// Timing helpers: the median of several timed runs, each long enough to measure.
enum Stopwatch {
    /// Seconds taken by `body`.
    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let duration = clock.measure(body)
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) * 1e-18
    }

    /// The median of `runs` timings of `body`, after waiting for a quiet machine and one
    /// untimed warm-up run.
    static func medianSeconds(runs: Int, _ body: () -> Void) -> Double {
        QuietGate.wait()
        body()
        let timings = (0..<runs).map { _ in seconds(body) }.sorted()
        return timings[timings.count / 2]
    }
}

/// Writes a line to standard output at once, unbuffered, so progress shows through a pipe.
func report(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
