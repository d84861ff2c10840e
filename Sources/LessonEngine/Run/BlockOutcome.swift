/// What happened when a block ran.
public enum BlockOutcome: Sendable, Equatable {
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
    /// It was marked `fails` but compiled and ran to its end.
    case unexpectedSuccess
    /// It never ran, for this reason.
    case notRun(String)

    /// True for a compile error or a trap: what a `fails` block promises.
    var isFailure: Bool {
        switch self {
        case .trapped, .compileError: true
        default: false
        }
    }
}
