import Foundation

/// Shows a run in a terminal: progress, each block's output as it arrives, and summaries.
public final class TerminalReporter: RunObserver {
    private let write: (String) -> Void
    private var pendingLine = ""
    private var startedBlocks: Set<Int> = []
    private var crashFilter = TrapReport.LineFilter()
    private var blockCount = 0
    private var shown = 0
    private var compiled = false
    /// How much of one block's output is shown: a block that floods (up to the 16 MiB output
    /// limit) would otherwise bury the terminal. The rest is counted and the count shown.
    public var echoLimit = (lines: 200, bytes: 64 << 10)
    private var echoed = (lines: 0, bytes: 0)
    private var dropped = (lines: 0, bytes: 0)
    /// The text left out ends in a line without its line feed (yet).
    private var droppedMidLine = false

    /// Writes to standard output unless told otherwise (tests pass a closure).
    public init(
        write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    ) {
        self.write = write
    }

    public func status(_ text: String) { write(text) }

    public func done(seconds: Double) { write(" done (\(Self.seconds(seconds)))\n") }

    public func willCompile(_ chapter: Chapter, showing blocks: [CodeBlock], programs: Int) {
        blockCount = blocks.filter(\.runs).count
        let earlier = chapter.blocks.filter { $0.runs && $0.id < (blocks.first?.id ?? 0) }.count
        if earlier > 0 {
            write(
                "(\(earlier) earlier block\(earlier == 1 ? "" : "s") of \(chapter.id) run first, unshown, for their state)\n"
            )
        }
        let plural = programs == 1 ? "program" : "programs"
        write("Compiling \(chapter.id) · \(chapter.title) (\(programs) \(plural))…")
    }

    public func didCompile(seconds: Double) {
        guard !compiled else { return }
        compiled = true
        done(seconds: seconds)
    }

    public func blockStarted(_ block: CodeBlock) {
        shown += 1
        startedBlocks.insert(block.id)
        let setup = block.options.hidden ? " (setup)" : ""
        write("▶ [\(shown)/\(blockCount)] \(block.location)\(setup) · \(block.title)\n")
    }

    /// Shows printed text a line at a time, so that the runtime's crash noise can be left out
    /// and `File.swift:12: Fatal error: …` shown as `Fatal error: …`, as on the page.
    /// Past the echo limit, text is only counted.
    public func blockPrinted(_ block: CodeBlock, _ text: String) {
        var rest = Substring(text)
        while dropped.bytes == 0, let newline = rest.firstIndex(of: "\n") {
            pendingLine += rest[..<newline]
            showLine(pendingLine)
            pendingLine = ""
            rest = rest[rest.index(after: newline)...]
        }
        guard dropped.bytes > 0 else {
            pendingLine += rest
            return
        }
        dropped.bytes += rest.utf8.count
        dropped.lines += rest.utf8.count { $0 == UInt8(ascii: "\n") }
        if let last = rest.utf8.last { droppedMidLine = last != UInt8(ascii: "\n") }
    }

    private func showLine(_ line: String) {
        guard let shown = crashFilter.keep(line) else { return }
        let size = shown.utf8.count + 1
        guard dropped.bytes == 0, echoed.lines < echoLimit.lines,
            echoed.bytes + size <= echoLimit.bytes
        else {
            dropped.lines += 1
            dropped.bytes += size
            return
        }
        echoed.lines += 1
        echoed.bytes += size
        write("  │ \(shown)\n")
    }

    public func blockFinished(_ result: BlockResult) {
        if !pendingLine.isEmpty {
            showLine(pendingLine)
            pendingLine = ""
        }
        if dropped.bytes > 0 {
            if droppedMidLine { dropped.lines += 1 }
            write(
                "  │ … \(Self.count(dropped.lines, "more line")) (\(Self.size(dropped.bytes))) "
                    + "not shown: the terminal shows the first \(echoLimit.lines) lines or "
                    + "\(Self.size(echoLimit.bytes)) of a block\n")
        }
        echoed = (0, 0)
        dropped = (0, 0)
        droppedMidLine = false
        crashFilter = TrapReport.LineFilter()
        if !result.block.options.noRun, !startedBlocks.contains(result.block.id) {
            shown += 1
            write("▷ [\(shown)/\(blockCount)] \(result.block.location) · \(result.block.title)\n")
        }
        write(Self.verdict(result).map { "  \($0)\n" }.joined())
    }

    /// The lines under a finished block: what matched, what failed, and any diff.
    static func verdict(_ result: BlockResult) -> [String] {
        var lines: [String] = []
        if let problem = result.problem, result.diff == nil {
            lines += problem.split(separator: "\n").map { "✗ \($0)" }
        } else if result.block.options.fails {
            lines.append("✓ failed as expected")
        }
        if let diff = result.diff {
            lines.append(
                "✗ output differs from expected (\(result.block.file):\(result.block.expected?.startLine ?? 0))"
            )
            lines += diff.split(separator: "\n", omittingEmptySubsequences: false).map {
                "    \($0)"
            }
        } else if result.block.expected != nil && result.passed {
            lines.append("✓ output matches")
        }
        if result.truncated { lines.append("! output was cut off at the limit") }
        for (index, figure) in result.figures.enumerated() {
            let place = figure.savedAs.map { "wrote \($0)" } ?? "not kept"
            lines.append("▣ figure \(index + 1): \(place) — \(figure.altText)")
        }
        return lines
    }

    /// The closing summary of `lessons run`.
    public func summary(_ result: ChapterResult, section: Section?) {
        for warning in result.warnings { write("warning: \(warning.description)\n") }
        let notRun = result.blocks.filter {
            if case .notRun = $0.outcome { return !$0.block.options.noRun }
            return false
        }.count
        let failed = result.blocks.filter { !$0.passed && $0.diff == nil }.count - notRun
        let formulas = result.chapter.formulas.filter { formula in
            section.map { formula.section.map($0.contains) ?? false } ?? true
        }
        let verified = formulas.filter { $0.verifiedBy != nil }.count
        let name = section.map { "\(result.chapter.id) §\($0.id)" } ?? result.chapter.id
        write(
            "── \(name): \(Self.count(result.ranCount, "block")) run · "
                + "\(Self.count(result.matchedCount, "output")) matched · "
                + "\(result.mismatchedCount) mismatched · \(failed) failed · "
                + (notRun > 0 ? "\(notRun) not run · " : "")
                + "\(verified)/\(formulas.count) formulas verified · "
                + "\(Self.seconds(result.compileSeconds + result.runSeconds))\n")
        for block in result.uncheckedBlocks {
            write("note: \(block.block.location): prints output that no output block checks\n")
        }
        let problems = section == nil ? result.problems : result.blocks.compactMap(\.problem)
        if !problems.isEmpty {
            write("\(problems.count) problem\(problems.count == 1 ? "" : "s"):\n")
            for problem in problems { write("  \(problem)\n") }
        }
    }

    /// The closing summary of `lessons check` and `lessons build`.
    public func checkSummary(_ report: CheckReport) {
        for result in report.results {
            let mark = result.passed ? "✓" : "✗"
            let cached = result.fromCache ? " (cached)" : ""
            write(
                "\(mark) \(result.chapter.id) (\(result.chapter.file)): \(result.ranCount) blocks · "
                    + "\(result.matchedCount) matched · \(result.mismatchedCount) mismatched · "
                    + "\(result.chapter.formulas.count - result.unverifiedFormulas.count)/"
                    + "\(result.chapter.formulas.count) formulas verified · "
                    + "\(Self.seconds(result.compileSeconds + result.runSeconds))\(cached)\n")
            for block in result.uncheckedBlocks {
                write(
                    "  note: \(block.block.location): prints output that no output block checks\n")
            }
            for block in result.blocks {
                if let diff = block.diff, let problem = block.problem {
                    write("  ✗ \(problem)\n")
                    write(diff.split(separator: "\n").map { "      \($0)\n" }.joined())
                }
            }
        }
        for (file, count) in report.accepted {
            write("accepted: rewrote \(count) output block\(count == 1 ? "" : "s") in \(file)\n")
        }
        let problems = report.problems
        if problems.isEmpty {
            write(
                "All \(report.results.count) chapter\(report.results.count == 1 ? "" : "s") passed.\n"
            )
        } else {
            write("\(problems.count) problem\(problems.count == 1 ? "" : "s"):\n")
            for problem in problems { write("  \(problem)\n") }
        }
    }

    /// `1 block`, `2 blocks`.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `512 bytes`, `64.0 KiB`, `15.9 MiB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return count(bytes, "byte") }
        let (value, unit) =
            bytes < 1 << 20 ? (Double(bytes) / 1024, "KiB") : (Double(bytes) / 1_048_576, "MiB")
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }

    public static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
