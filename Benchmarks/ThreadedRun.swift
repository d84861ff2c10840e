import Foundation

/// Runs this benchmark again in a child process with `NEURALNET_THREADS` set, for workloads
/// whose layers use ``ComputeSettings/default``, which a process reads once from its
/// environment.
enum ThreadedRun {
    /// Whether this process is such a child (its parent set the thread count).
    static var isChild: Bool { ProcessInfo.processInfo.environment["NEURALNET_THREADS"] != nil }

    /// Runs `arguments` in a child with `threads` threads and reports its output, each line
    /// indented under a heading.
    static func run(_ arguments: [String], threads: Int) {
        report("\(threads) thread\(threads == 1 ? "" : "s"):")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NEURALNET_THREADS"] = String(threads)
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        do {
            try child.run()
        } catch {
            report("  could not start \(CommandLine.arguments[0]): \(error)")
            return
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            report("  " + line)
        }
        if child.terminationStatus != 0 {
            report("  (exited with status \(child.terminationStatus))")
        }
    }
}
