import Foundation

/// Compiles a chapter's Swift blocks into programs, runs them, and checks what they print.
///
/// The chapter's ordinary blocks form one program, so they share state like notebook cells.
/// A `fails` or `isolated` block runs in a program of its own: after every earlier ordinary
/// block, or after the `hidden` ones only when it is `isolated`.
public struct ChapterRunner: Sendable {
    public var toolchain: Toolchain
    /// Seconds a chapter may run, all its programs together.
    public var timeLimit: Double = 600
    /// Bytes of output kept from one program.
    public var outputLimit = 16 << 20
    /// Where copies of the figures blocks show are kept (in a folder per chapter), for
    /// `lessons run` to point at; nil keeps none.
    public var figureArchive: URL?
    /// Stops the run from another thread; nil: it runs to its end or its time limit.
    public var cancellation: RunCancellation?
    /// Warm kernels for the notebook's edited blocks (see `Kernel`); nil runs none.
    public var kernels: KernelPool?

    public init(toolchain: Toolchain, timeLimit: Double = 600) {
        self.toolchain = toolchain
        self.timeLimit = timeLimit
    }

    /// Runs the chapter, or one section of it (after the blocks that come before it).
    public func run(
        _ chapter: Chapter, section: Section? = nil, observer: (any RunObserver)? = nil
    ) throws -> ChapterResult {
        try run(
            chapter, showing: section.map { chapter.blocks(in: $0) } ?? chapter.blocks,
            observer: observer)
    }

    private func run(_ chapter: Chapter, showing shown: [CodeBlock], observer: (any RunObserver)?)
        throws -> ChapterResult
    {
        try RunCancellation.$current.withValue(cancellation) {
            try runShowing(shown, of: chapter, observer: observer)
        }
    }

    private func runShowing(
        _ shown: [CodeBlock], of chapter: Chapter, observer: (any RunObserver)?
    ) throws -> ChapterResult {
        let lastID = shown.last?.id ?? -1
        let upTo = chapter.blocks.filter { $0.id <= lastID }
        let ordinary = upTo.filter { $0.runs && !$0.options.fails && !$0.options.isolated }
        let separate = shown.filter { $0.runs && ($0.options.fails || $0.options.isolated) }

        let folder = try ChildProcesses.shared.makeTemporaryFolder(prefix: "lessons-\(chapter.id)")
        defer { ChildProcesses.shared.removeTemporaryFolder(folder) }

        var session = ChapterSession(
            runner: self, chapter: chapter, folder: folder, observer: observer,
            shown: Set(shown.map(\.id)),
            deadline: Date().addingTimeInterval(timeLimit))
        observer?.willCompile(chapter, showing: shown, programs: 1 + separate.count)
        let byID = try session.runProgram(ordinary, name: "main")
        return try finish(
            &session, byID: byID, ordinary: ordinary, separate: separate, shown: shown)
    }

    /// Runs each `fails` or `isolated` block in a program of its own (after the ordinary
    /// blocks before it, or only the hidden ones for an isolated block), then gives every
    /// shown block its result, once the ordinary blocks' results are `byID`.
    func finish(
        _ session: inout ChapterSession, byID ordinaryResults: [Int: BlockResult],
        ordinary: [CodeBlock], separate: [CodeBlock], shown: [CodeBlock]
    ) throws -> ChapterResult {
        var byID = ordinaryResults
        for block in separate {
            let before = ordinary.filter {
                $0.id < block.id && (!block.options.isolated || $0.options.hidden)
            }
            let results = try session.runProgram(
                before + [block], name: "block\(block.id)", only: block.id)
            byID[block.id] = results[block.id]
        }
        let results = shown.map { block in
            byID[block.id] ?? Self.result(block, output: "", outcome: .notRun("marked 'norun'"))
        }
        return ChapterResult(
            chapter: session.chapter, blocks: results, warnings: session.warnings,
            compileSeconds: session.compileSeconds, runSeconds: session.runSeconds)
    }

    /// A block's result: its outcome, and its output compared with the expected output.
    static func result(
        _ block: CodeBlock, output: String, outcome: BlockOutcome, truncated: Bool = false,
        seconds: Double = 0, figures: [BlockFigure] = []
    ) -> BlockResult {
        var result = BlockResult(
            block: block, output: output, outcome: outcome, truncated: truncated, seconds: seconds,
            figures: figures)
        result.figureProblems = figures.indices.compactMap { index in
            FigureSafety.problem(in: figures[index].svg).map {
                "figure \(index + 1) was left out of the page: its SVG is not what Figures "
                    + "writes (\($0))"
            }
        }
        // Outputs are compared only when the block did what it promised: a block that should
        // have run but did not compile (or one that should fail but ran) has a worse problem.
        let promised = block.options.fails ? outcome.isFailure : outcome == .completed
        if let expected = block.expected, promised,
            !OutputComparison.matches(
                actual: output, expected: expected.text, tolerance: expected.tolerance)
        {
            result.diff = UnifiedDiff.make(
                expected: OutputComparison.normalize(expected.text),
                actual: OutputComparison.normalize(output),
                header: "\(block.file):\(expected.startLine)")
        }
        return result
    }
}
