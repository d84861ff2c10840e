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
        let (output, status) = capture(arguments, threads: threads)
        for line in output.split(separator: "\n") {
            report("  " + line)
        }
        if status != 0 {
            report("  (exited with status \(status))")
        }
    }

    /// Runs `arguments` in a child with `threads` threads; returns its standard output and
    /// exit status (-1 when it could not start).
    static func capture(_ arguments: [String], threads: Int) -> (output: String, status: Int32) {
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
            return ("could not start \(CommandLine.arguments[0]): \(error)", -1)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), child.terminationStatus)
    }
}
