import Foundation
import Testing

@testable import LessonEngine

/// Runs fixture chapters for real: compiled against the library, run, attributed, checked.
@Suite struct ChapterRunnerTests {
    @Test func aTrapNamesItsMarkdownLineAndStopsLaterBlocks() throws {
        let result = try TestPackage.run("trap.md")
        #expect(result.blocks.map(\.output).first == "before\n")
        #expect(result.blocks[0].passed)
        let trapLine = try TestPackage.line(of: "print(values[values.count])", in: "trap.md")
        #expect(
            result.blocks[1].outcome
                == .trapped(message: "Fatal error: Index out of range", line: trapLine))
        #expect(result.blocks[1].output == "about to fail\nFatal error: Index out of range\n")
        guard case .notRun = result.blocks[2].outcome else {
            Issue.record("the block after a trap ran: \(result.blocks[2].outcome)")
            return
        }
        #expect(
            result.problems.first
                == "\(TestPackage.fixturePath("trap.md")):\(trapLine): trap: Fatal error: Index out of range"
        )
        #expect(!result.passed)
    }

    @Test func aCompileErrorNamesItsMarkdownLine() throws {
        let result = try TestPackage.run("compile-error.md")
        let line = try TestPackage.line(of: "let broken", in: "compile-error.md")
        guard case .compileError(let diagnostics) = result.blocks[1].outcome else {
            Issue.record("expected a compile error, got \(result.blocks[1].outcome)")
            return
        }
        #expect(diagnostics.first?.line == line)
        #expect(
            result.blocks[1].diff == nil, "a block that did not compile has no output to compare")
        #expect(diagnostics.first?.file == TestPackage.fixturePath("compile-error.md"))
        #expect(
            result.problems.contains {
                $0.hasPrefix("\(TestPackage.fixturePath("compile-error.md")):\(line):")
            })
        guard case .notRun = result.blocks[0].outcome else {
            Issue.record("a block of a program that did not compile ran")
            return
        }
    }

    @Test func blocksMarkedFailsPassWhenTheyFailAndOnlyThen() throws {
        let result = try TestPackage.run("expected-failures.md")
        let outcomes = result.blocks.map(\.outcome)
        #expect(result.blocks.map(\.passed) == [true, true, true, false, true], "\(outcomes)")
        #expect(
            result.blocks[3].problem?.contains("ran without failing") == true, "\(result.problems)")
        #expect(result.problems.count == 1, "\(result.problems)")
    }

    /// A `fails` block promises that its own code fails: a compile or link error on one of its
    /// lines, or a trap while it runs. A program killed from outside (the out-of-memory killer,
    /// a stray `kill`) has not kept that promise, and passing it would hide the real problem.
    /// An unresolved symbol is the block's own failure: the linker names the line that uses it.
    @Test func aFailsBlockFailingForAReasonNotItsOwnDoesNotPass() throws {
        let result = try TestPackage.run("foreign-failures.md")
        let outcomes = result.blocks.map(\.outcome)
        #expect(result.blocks.map(\.passed) == [true, false, true, true], "\(outcomes)")
        #expect(result.blocks[1].outcome == .killed(signal: SIGKILL))
        let killed =
            try TestPackage.line(of: "print(\"killed from outside\")", in: "foreign-failures.md")
            - 1
        #expect(
            result.blocks[1].problem
                == "\(TestPackage.fixturePath("foreign-failures.md")):\(killed): "
                + "the program was killed by signal 9 (SIGKILL) while this block ran")
        guard case .compileError(let diagnostics) = result.blocks[2].outcome else {
            Issue.record("the unlinked block did not fail to build: \(result.blocks[2].outcome)")
            return
        }
        let use = try TestPackage.line(of: "func missing()", in: "foreign-failures.md") + 1
        #expect(
            diagnostics.contains { $0.line == use && $0.message.contains("undefined reference") },
            "\(diagnostics)")
        #expect(result.problems.count == 1, "\(result.problems)")
    }

    /// `expected-failures.md` run with a compiler that dies on its first `calls` calls.
    private func runExpectedFailures(compilerDyingFirst calls: Int) throws -> (
        FakeCompiler, ChapterResult
    ) {
        let compiler = try FakeCompiler(diesFirst: calls)
        var toolchain = try TestPackage.toolchain()
        toolchain.compilerCommand = compiler.path
        let result = try ChapterRunner(toolchain: toolchain, timeLimit: 120)
            .run(TestPackage.fixture("expected-failures.md"))
        return (compiler, result)
    }

    /// A compiler that dies without naming a line (killed, or a module-cache race) fails no
    /// `fails` block as intended, and is tried once more before the chapter gives up.
    @Test func aCompilerThatDiesIsNobodysIntendedFailure() throws {
        let (compiler, result) = try runExpectedFailures(compilerDyingFirst: 1000)
        #expect(result.blocks.map(\.passed) == [false, false, false, false, false])
        #expect(
            result.blocks.compactMap(\.problem).allSatisfy {
                $0.contains("unable to execute command: Killed")
            }, "\(result.problems)")
        // Four programs (the chapter's and three `fails` blocks'), each tried twice.
        #expect(try compiler.calls() == 8)
    }

    @Test func aCompilerThatDiesOnceIsTriedAgain() throws {
        let (compiler, result) = try runExpectedFailures(compilerDyingFirst: 1)
        let outcomes = result.blocks.map(\.outcome)
        #expect(result.blocks.map(\.passed) == [true, true, true, false, true], "\(outcomes)")
        #expect(try compiler.calls() == 5)
    }

    @Test func aMismatchFailsWithADiffAndToleranceForgivesRounding() throws {
        let result = try TestPackage.run("mismatch.md")
        #expect(result.blocks[0].diff == nil)
        let diff = try #require(result.blocks[1].diff)
        let expectedLine = try TestPackage.line(of: "0.3333333333333333", in: "mismatch.md") - 1
        #expect(
            diff.contains(
                "--- expected (\(TestPackage.fixturePath("mismatch.md")):\(expectedLine))"))
        #expect(diff.contains("-0.667\n+0.6666666666666666"))
        #expect(result.blocks[2].diff == nil, "0.30000000000000004 is within 1e-9 of 0.3")
        #expect(result.mismatchedCount == 1)
    }

    @Test func theTimeLimitNamesTheRunningBlock() throws {
        let result = try TestPackage.run("timeout.md", timeLimit: 3)
        #expect(result.blocks[0].outcome == .completed)
        #expect(result.blocks[1].outcome == .timedOut(seconds: 3))
        let fence = try TestPackage.line(of: "var spins", in: "timeout.md") - 1
        #expect(
            result.problems == [
                "\(TestPackage.fixturePath("timeout.md")):\(fence): time limit of 3 s expired while this block ran"
            ])
    }

    @Test func anEarlyExitIsTheFaultOfTheBlockThatCalledIt() throws {
        let result = try TestPackage.run("early-exit.md")
        #expect(result.blocks[0].outcome == .completed)
        #expect(result.blocks[1].outcome == .exitedEarly(status: 0))
        #expect(result.blocks[1].output == "leaving\n")
        guard case .notRun = result.blocks[2].outcome else {
            Issue.record("the block after exit(0) ran")
            return
        }
        let fence = try TestPackage.line(of: "print(\"leaving\")", in: "early-exit.md") - 1
        #expect(
            result.problems.first
                == "\(TestPackage.fixturePath("early-exit.md")):\(fence): the program exited (status 0) while this block ran"
        )
    }

    @Test func misbehavingBlocksStayInTheirLane() throws {
        let result = try TestPackage.run("misbehaving.md")
        #expect(result.passed, "\(result.problems)")
        #expect(result.blocks[1].output == "␁LESSONS:0123456789abcdef:5\n␁LESSONS::end\n")
        #expect(result.blocks.count == 4)
        #expect(
            result.uncheckedBlocks.map(\.block.id) == [1],
            "only the forged-marker block has no output block")
    }

    /// ESC, NUL and the other control characters a program prints reach neither the terminal
    /// nor the page as themselves: both show the same pictures (`␛`, `␀`), and an expected
    /// output written with the pictures matches.
    @Test func controlCharactersAreShownAsPicturesInTheTerminalAndThePage() throws {
        let log = Log()
        let reporter = TerminalReporter { log.append($0) }
        let result = try ChapterRunner(toolchain: TestPackage.toolchain()).run(
            TestPackage.fixture("control-characters.md"), observer: reporter)
        let shown =
            "␛[2J␛[31mred␛[0m bell␇ nul␀ tab\there\nback␈space, delete␡, return␍\n"
        #expect(result.blocks[0].output == shown)
        #expect(result.passed, "\(result.problems)")
        #expect(log.text.contains("  │ ␛[2J␛[31mred␛[0m bell␇ nul␀ tab\there\n"))
        #expect(log.text.contains("  │ back␈space, delete␡, return␍\n"))
        let raw = log.text.unicodeScalars.filter {
            $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F
        }
        #expect(raw.isEmpty, "control characters reached the terminal: \(raw.map(\.value))")
        let chapter = result.chapter
        let page = try ChapterPage(
            chapter: chapter, results: [0: result.blocks[0]],
            formulas: FormulaCatalog(chapters: [chapter]), math: MathCatalog()
        ).body()
        #expect(page.contains("␛[2J␛[31mred␛[0m bell␇ nul␀"))
        #expect(!page.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
    }

    @Test func aStackOverflowIsATrapAtItsLine() throws {
        let result = try TestPackage.run("stack-overflow.md")
        guard case .trapped(let message, let line) = result.blocks[0].outcome else {
            Issue.record("expected a trap, got \(result.blocks[0].outcome)")
            return
        }
        #expect(message == "Program crashed: stack overflow (likely unbounded recursion)")
        let recursion = try TestPackage.line(of: "func depth", in: "stack-overflow.md")
        #expect(line == recursion)
        #expect(result.blocks[0].output.hasPrefix("going down\n"))
    }

    @Test func aFloodOfOutputIsCutAtTheLimitAndBlamedOnItsBlock() throws {
        var runner = try ChapterRunner(toolchain: TestPackage.toolchain(), timeLimit: 120)
        runner.outputLimit = 1 << 20
        let log = Log()
        let result = try runner.run(
            TestPackage.fixture("flood.md"), observer: TerminalReporter { log.append($0) })
        #expect(result.blocks[0].passed && !result.blocks[0].truncated)
        #expect(result.blocks[1].truncated)
        #expect(result.blocks[1].output.utf8.count <= 1 << 20)
        #expect(
            result.blocks[1].problem?.hasSuffix(
                "the program printed more than the output limit; the rest was dropped") == true)
        // The terminal shows the flood's first lines and says how much it left out.
        let echoed = log.text.split(separator: "\n").filter { $0.hasPrefix("  │ x") }.count
        let total = result.blocks[1].output.split(separator: "\n").count
        #expect(echoed > 0 && echoed <= 200)
        #expect(log.text.utf8.count < 128 << 10, "the terminal got \(log.text.utf8.count) bytes")
        let droppedBytes = result.blocks[1].output.utf8.count - echoed * 1024
        #expect(
            log.text.contains(
                "  │ … \(total - echoed) more lines (\(TerminalReporter.size(droppedBytes))) not shown"
            ), "\(log.text.suffix(2000))")
    }

    @Test func aChapterProgramDiesWithTheProcessThatStartedIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orphan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter = try TestPackage.fixture("timeout.md")
        let compiled = try TestPackage.toolchain().compile(
            ProgramSource(blocks: chapter.blocks), in: folder, name: "spin")
        let executable = try #require(compiled.executable)
        // A shell starts the program, prints its pid, and is then killed outright: the
        // program must not outlive it.
        let pidFile = folder.appendingPathComponent("pid").path
        let shell = Subprocess(
            executable: "sh",
            arguments: [
                "-c",
                "setsid '\(executable.path)' >/dev/null 2>&1 & echo $! > '\(pidFile)'; sleep 1; kill -9 $$",
            ],
            timeLimit: 20)
        _ = try shell.run()
        let pid = try #require(
            Int32(
                String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        var alive = true
        for _ in 0..<50 where alive {
            alive = kill(pid, 0) == 0 && !isZombie(pid)
            if alive { usleep(100_000) }
        }
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "the chapter program outlived its parent")
    }

    private func isZombie(_ pid: Int32) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return status.split(separator: " ").dropFirst(2).first == "Z"
    }

    @Test func unverifiedFormulasAreReportedWithTheirLines() throws {
        let chapter = try TestPackage.fixture("formulas.md")
        #expect(chapter.formulas.map(\.verifiedBy) == [0, 1, nil])
        let line = try TestPackage.line(of: "w = x_1 * x_2", in: "formulas.md")
        let result = try TestPackage.run("formulas.md")
        #expect(
            result.problems == [
                "\(TestPackage.fixturePath("formulas.md")):\(line - 1): formula is not verified by any Swift block"
            ])
    }

    @Test func liveReportingShowsEachBlockAndItsOutput() throws {
        let chapter = try TestPackage.fixture("trap.md")
        let log = Log()
        let reporter = TerminalReporter { log.append($0) }
        _ = try ChapterRunner(toolchain: TestPackage.toolchain()).run(chapter, observer: reporter)
        let text = log.text
        #expect(
            text.contains(
                "▶ [1/3] \(TestPackage.fixturePath("trap.md")):5 · print(\"before\")\n  │ before\n  ✓ output matches\n"
            ))
        #expect(text.contains("  │ about to fail\n"))
        #expect(text.contains("✗ \(TestPackage.fixturePath("trap.md")):"))
    }
}

/// Collects what a reporter writes.
final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}
