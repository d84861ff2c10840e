import Foundation

/// Waits for the machine to be quiet before a measurement, as the peer scripts do
/// (`common.wait_quiet` in `shared/bench`): until other processes use less than a quarter of a
/// core over half a second, or at most `maximumWait` seconds.
enum QuietGate {
    static let threshold = 0.25
    /// 20 s, or the seconds in `BENCHMARKS_QUIET_WAIT` (the ratio run, whose interleaved
    /// measurements need no quiet machine, waits less).
    static let maximumWait =
        ProcessInfo.processInfo.environment["BENCHMARKS_QUIET_WAIT"].flatMap(Double.init) ?? 20

    /// Waits; returns whether the machine became quiet in time.
    @discardableResult
    static func wait() -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < maximumWait {
            if otherProcessesLoad() < threshold { return true }
            Thread.sleep(forTimeInterval: 0.5)
        }
        return false
    }

    /// Cores' worth of CPU time that other processes used over half a second.
    static func otherProcessesLoad() -> Double {
        let (busyBefore, ownBefore, start) = (busyJiffies(), ownCPUSeconds(), Date())
        Thread.sleep(forTimeInterval: 0.5)
        let elapsed = Date().timeIntervalSince(start)
        let busy = Double(busyJiffies() - busyBefore) / Double(sysconf(Int32(_SC_CLK_TCK)))
        return max(0, (busy - (ownCPUSeconds() - ownBefore)) / elapsed)
    }

    /// User, nice, system, irq, softirq and steal time of all processors, from /proc/stat.
    private static func busyJiffies() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first
        else { return 0 }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard fields.count >= 8 else { return 0 }
        return fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
    }

    /// CPU time this process has used, in seconds.
    private static func ownCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
        return user + system
    }
}
