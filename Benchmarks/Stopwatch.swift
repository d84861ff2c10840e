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
        timings(runs: runs, body).median
    }

    /// The median and the shortest of `runs` timings of `body`, after waiting for a quiet
    /// machine and one untimed warm-up run. On a shared virtual machine, other guests stretch
    /// some runs by up to 2×; the shortest is the least disturbed.
    static func timings(runs: Int, _ body: () -> Void) -> (median: Double, best: Double) {
        QuietGate.wait()
        body()
        let timings = (0..<runs).map { _ in seconds(body) }.sorted()
        return (timings[timings.count / 2], timings[0])
    }
}

/// Writes a line to standard output at once, unbuffered, so progress shows through a pipe.
func report(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
