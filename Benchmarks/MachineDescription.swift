import Foundation

/// The processor the figures were measured on, read from `/proc/cpuinfo` where there is one.
enum MachineDescription {
    static var current: String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let model =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n")
            .first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?
            .trimmingCharacters(in: .whitespaces) ?? "unknown processor"
        return "Machine: \(model), \(cores) processors available"
    }

    /// The 1-minute load average, to judge whether other work shared the processors.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return "Load average (1 min): "
            + (text.split(separator: " ").first.map(String.init) ?? "unknown")
    }
}
