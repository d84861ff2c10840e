import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The medians of `runs` wall-clock and process CPU timings of `body`, in seconds, after
    /// waiting for a quiet machine and one untimed warm-up run.
    static func wallAndProcessorSeconds(runs: Int, _ body: () -> Void) -> (
        wall: Double, cpu: Double
    ) {
        QuietGate.wait()
        body()
        var walls: [Double] = []
        var cpus: [Double] = []
        for _ in 0..<max(runs, 1) {
            let cpuStart = processorSeconds()
            walls.append(seconds(body))
            cpus.append(processorSeconds() - cpuStart)
        }
        return (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2])
    }

    /// The CPU time this process has used, all its threads together, in seconds.
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// Writes a line to standard output at once, unbuffered, so progress shows through a pipe.
func report(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
