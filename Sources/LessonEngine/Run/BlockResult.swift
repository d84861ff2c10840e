/// A block's run and check: what it printed, how it ended, how that compared.
public struct BlockResult: Sendable, Equatable {
    public var block: CodeBlock
    /// What it printed (for a `fails` block, with the failure's message at the end).
    public var output: String
    public var outcome: BlockOutcome
    /// The difference from the expected output, as a unified diff; nil when they match or no
    /// output was expected.
    public var diff: String?
    /// Output beyond the cap was dropped.
    public var truncated = false
    /// Seconds from the block's start to the next block's (or the program's end).
    public var seconds = 0.0
    /// The figures it showed, in order.
    public var figures: [BlockFigure] = []
    /// Why figures were left out of the page (`figure 2 was left out: …`), one per figure:
    /// a figure whose SVG is not what `Figures` writes fails its block.
    public var figureProblems: [String] = []

    /// True when the block behaved as written: ran (or failed, if marked so) and printed what
    /// it should.
    public var passed: Bool { diff == nil && behavedAsWritten }

    /// True when the block's code behaved as written (whatever its expected output says):
    /// ordinary blocks completed, `fails` blocks failed, `norun` blocks did not run.
    var behavedAsWritten: Bool {
        guard !truncated, figureProblems.isEmpty else { return false }
        switch outcome {
        case .completed: return !block.options.fails
        case .trapped: return block.options.fails
        case .compileError(let diagnostics):
            // Only an error on one of the block's own lines: a program that did not compile
            // or link for a reason outside the chapter did not fail the way the block says.
            return block.options.fails && diagnostics.contains { block.contains(line: $0.line) }
        case .notRun: return block.options.noRun
        default: return false
        }
    }

    /// One line saying what went wrong, with the Markdown file and line; nil if it passed.
    public var problem: String? {
        if passed { return nil }
        let at = block.location
        if !figureProblems.isEmpty {
            var rest = self
            rest.figureProblems = []
            let figures = figureProblems.map { "\(at): \($0)" }
            return ([rest.problem].compactMap { $0 } + figures).joined(separator: "\n")
        }
        if truncated {
            return "\(at): the program printed more than the output limit; the rest was dropped"
        }
        switch outcome {
        case .completed where block.options.fails:
            return "\(at): block marked 'fails' ran without failing"
        case .unexpectedSuccess:
            return "\(at): block marked 'fails' ran without failing"
        case .trapped(let message, let line):
            return "\(block.file):\(line ?? block.codeLine): trap: \(message)"
        case .compileError(let diagnostics):
            let errors = diagnostics.filter { $0.severity == "error" }
            return errors.map(\.description).joined(separator: "\n")
        case .timedOut(let seconds):
            return "\(at): time limit of \(Int(seconds)) s expired while this block ran"
        case .exitedEarly(let status):
            return "\(at): the program exited (status \(status)) while this block ran"
        case .killed(let signal):
            return "\(at): the program was killed by \(BlockOutcome.describe(signal: signal)) "
                + "while this block ran"
        case .notRun(let reason):
            return "\(at): not run: \(reason)"
        case .completed:
            return "\(block.file):\(block.expected?.startLine ?? block.startLine): "
                + "output differs from expected"
        }
    }
}
