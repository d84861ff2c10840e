/// A block's result as the notebook page shows it, with lines counted in the block's editor
/// (1 is the block's first line of code) rather than in the Markdown file.
struct BlockReport: Encodable, Sendable, Equatable {
    struct Message: Encodable, Sendable, Equatable {
        /// The line in the block's editor; nil when the message is not about the block's code.
        var line: Int?
        var column: Int
        var severity: String
        var message: String
    }

    struct Figure: Encodable, Sendable, Equatable {
        var svg: String
        var alt: String
    }

    var id: Int
    /// `completed`, `compileError`, `trapped`, `timedOut`, `exitedEarly`, `killed`,
    /// `unexpectedSuccess`, `notRun`, or `stopped` (by the reader).
    var status: String
    var output: String
    /// Why it failed or did not run, in one line with its Markdown file and line.
    var message: String?
    var diagnostics: [Message] = []
    /// True when the block has an expected output; `diff` is nil when it matched.
    var hasExpected: Bool
    var diff: String?
    var truncated: Bool
    var passed: Bool
    var figures: [Figure] = []

    init(_ result: BlockResult) {
        let block = result.block
        id = block.id
        output = result.output
        message = result.problem
        hasExpected = block.expected != nil
        diff = result.diff
        truncated = result.truncated
        passed = result.passed
        figures = result.figures.filter { FigureSafety.isPlainSVG($0.svg) }.map {
            Figure(svg: $0.svg, alt: $0.altText)
        }
        func editorLine(_ line: Int?) -> Int? {
            guard let line, block.contains(line: line) else { return nil }
            return line - block.codeLine + 1
        }
        switch result.outcome {
        case .completed: status = "completed"
        case .trapped(let message, let line):
            status = "trapped"
            diagnostics = [
                Message(line: editorLine(line), column: 1, severity: "error", message: message)
            ]
        case .compileError(let errors):
            status = "compileError"
            diagnostics = errors.map {
                Message(
                    line: editorLine($0.line), column: $0.column, severity: $0.severity,
                    message: $0.message)
            }
        case .timedOut: status = "timedOut"
        case .exitedEarly: status = "exitedEarly"
        case .killed: status = "killed"
        case .unexpectedSuccess: status = "unexpectedSuccess"
        case .notRun: status = "notRun"
        }
    }

    /// A block the reader's Stop ended before it finished.
    static func stopped(_ block: CodeBlock, output: String) -> BlockReport {
        var report = BlockReport(
            ChapterRunner.result(block, output: output, outcome: .notRun("stopped")))
        report.status = "stopped"
        report.message = "\(block.location): stopped before it finished"
        report.passed = false
        report.diff = nil
        return report
    }
}
