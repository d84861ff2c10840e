import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `lessons` does on Ctrl-C (SIGINT) or SIGTERM: end every process it started, with
/// everything those started, remove its temporary folders, and exit 130 or 143.
///
/// Children run in process groups of their own (so that a time limit can end a whole tree),
/// which also keeps a terminal's Ctrl-C from reaching them: without this, `swift build`,
/// `swiftc` and their compilers ran on as orphans after `lessons` was interrupted.
public enum Interruption {
    /// Starts handling SIGINT and SIGTERM; call once, first thing.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { ChildProcesses.shared.stop(signal: signalNumber) }
            source.resume()
            ChildProcesses.shared.keep(source)
        }
    }

    private static let queue = DispatchQueue(label: "lessons.interruption")
}
