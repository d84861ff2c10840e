import Foundation

/// What happened when a block ran.
public enum BlockOutcome: Sendable, Equatable, Codable {
    /// It ran to its end.
    case completed
    /// It trapped (a fatal error, a precondition, a crash); `line` is the Markdown line.
    case trapped(message: String, line: Int?)
    /// It did not compile.
    case compileError([Diagnostic])
    /// The time limit expired while it ran.
    case timedOut(seconds: Double)
    /// The program exited while this block ran (`exit(…)` called by the block).
    case exitedEarly(status: Int32)
    /// Something outside the program killed it while this block ran: a signal no trap raises
    /// (SIGKILL from the out-of-memory killer, SIGTERM or SIGINT from a stray `kill`).
    case killed(signal: Int32)
    /// It was marked `fails` but compiled and ran to its end.
    case unexpectedSuccess
    /// It never ran, for this reason.
    case notRun(String)

    /// The same outcome with every Markdown line moved by `delta` (to store lines relative to
    /// a block, so a cached run survives prose edits above it).
    func movingLines(by delta: Int) -> BlockOutcome {
        switch self {
        case .trapped(let message, let line):
            .trapped(message: message, line: line.map { $0 + delta })
        case .compileError(let diagnostics):
            .compileError(
                diagnostics.map {
                    var moved = $0
                    moved.line += delta
                    return moved
                })
        default: self
        }
    }

    /// The signals a trap raises: the Swift runtime's `ud2` and `brk` (SIGILL, SIGTRAP),
    /// `abort()` (SIGABRT), and faults (SIGSEGV, SIGBUS, SIGFPE). Any other signal came from
    /// outside the program.
    static let trapSignals: Set<Int32> = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// `signal 9 (SIGKILL)`.
    static func describe(signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGKILL: "SIGKILL",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU",
            SIGXFSZ: "SIGXFSZ", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2",
        ]
        return "signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
    }

    /// True for a compile error or a trap: what a `fails` block promises.
    var isFailure: Bool {
        switch self {
        case .trapped, .compileError: true
        default: false
        }
    }
}
