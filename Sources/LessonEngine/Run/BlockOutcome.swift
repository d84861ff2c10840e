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

    /// True for a compile error or a trap: what a `fails` block promises.
    var isFailure: Bool {
        switch self {
        case .trapped, .compileError: true
        default: false
        }
    }
}
