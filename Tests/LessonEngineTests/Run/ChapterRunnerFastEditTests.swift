import Foundation
import Testing

@testable import LessonEngine

/// The notebook's fast path: an edit of the last block run compiled alone, against the
/// blocks above it compiled once.
@Suite struct ChapterRunnerFastEditTests {
    let chapter: Chapter
    let runner: ChapterRunner

    init() throws {
        chapter = try TestPackage.fixture("notebook.md")
        runner = ChapterRunner(toolchain: try TestPackage.toolchain(), timeLimit: 120)
    }

    /// The first block with a fresh comment, so that the blocks above the edit make a prefix
    /// no other test has compiled.
    private func freshPrefix() -> [Int: String] {
        [0: chapter.blocks[0].code + "// \(UUID().uuidString)\n"]
    }

    @Test func anEditOfTheLastBlockRunsAloneWithTheSameOutputAsTheWholeProgram() throws {
        let edit =
            "total += 10\nprint(\"total is\", total)\nprint(items.map(double).reduce(0, +))\n"
        let fast = try runner.run(chapter, through: 2, replacing: [2: edit])
        let whole = try runner.run(chapter.editing([2: edit], through: 2))
        #expect(fast.compiledAs != .wholeProgram)
        #expect(whole.compiledAs == .wholeProgram)
        #expect(fast.blocks.map(\.output) == whole.blocks.map(\.output))
        #expect(fast.blocks.map(\.outcome) == whole.blocks.map(\.outcome))
        #expect(fast.blocks.map { $0.diff == nil } == whole.blocks.map { $0.diff == nil })
        #expect(fast.blocks.last?.output == "total is 11\n12\n")
    }

    @Test func theEditedBlockChangesTheProgramsTopLevelVariables() throws {
        let edit = "total *= 42\nlet seen = total\ntotal = seen + 1\nprint(total)\n"
        let result = try runner.run(chapter, through: 2, replacing: [2: edit])
        #expect(result.compiledAs != .wholeProgram)
        #expect(result.blocks.map(\.output) == ["total is 1\n", "[2, 4, 6]\n", "43\n"])
    }

    @Test func theCompiledBlocksAboveAreReusedForTheNextEdit() throws {
        let edits = freshPrefix()
        let first = try runner.run(
            chapter, through: 2, replacing: edits.merging([2: "print(total + 1)\n"]) { $1 })
        let second = try runner.run(
            chapter, through: 2, replacing: edits.merging([2: "print(total + 2)\n"]) { $1 })
        #expect(first.compiledAs == .editedBlockAlone(prefixReused: false))
        #expect(second.compiledAs == .editedBlockAlone(prefixReused: true))
        #expect(first.blocks.last?.output == "2\n")
        #expect(second.blocks.last?.output == "3\n")
    }

    @Test func aBlockDeclaringATypeIsCompiledWithTheWholeProgram() throws {
        let edit = "struct Point { var x = 41 }\nprint(Point().x + total)\n"
        let result = try runner.run(chapter, through: 2, replacing: [2: edit])
        #expect(result.compiledAs == .wholeProgram)
        #expect(result.blocks.last?.output == "42\n")
    }

    @Test func aBlockRedeclaringAnEarlierNameGetsTheWholeProgramsError() throws {
        let result = try runner.run(chapter, through: 2, replacing: [2: "let items = 4\n"])
        #expect(result.compiledAs == .wholeProgram)
        guard case .compileError = result.blocks.last?.outcome else {
            Issue.record("expected a compile error, got \(String(describing: result.blocks.last))")
            return
        }
    }

    @Test func aCompileErrorInTheEditNamesTheEditedLine() throws {
        let edit = "print(total)\nlet broken: Int = \"text\"\n"
        let result = try runner.run(chapter, through: 2, replacing: [2: edit])
        #expect(result.compiledAs == .wholeProgram)
        guard case .compileError(let diagnostics) = result.blocks.last?.outcome else {
            Issue.record("expected a compile error, got \(String(describing: result.blocks.last))")
            return
        }
        #expect(diagnostics.map(\.line) == [chapter.blocks[2].codeLine + 1])
        #expect(diagnostics.first?.file == chapter.file)
    }

    @Test func aTrapInTheEditNamesItsMarkdownLine() throws {
        let edit = "print(\"before\")\nprint(items[items.count])\n"
        let result = try runner.run(chapter, through: 2, replacing: [2: edit])
        #expect(result.compiledAs != .wholeProgram)
        #expect(result.blocks.map(\.outcome).prefix(2) == [.completed, .completed])
        #expect(
            result.blocks.last?.outcome
                == .trapped(
                    message: "Fatal error: Index out of range",
                    line: chapter.blocks[2].codeLine + 1))
        #expect(result.blocks.last?.output.hasPrefix("before\n") == true)
    }

    @Test func anEndlessEditIsStoppedByTheTimeLimit() throws {
        var runner = runner
        runner.timeLimit = 3
        let result = try runner.run(chapter, through: 2, replacing: [2: "while total > 0 {}\n"])
        #expect(result.compiledAs != .wholeProgram)
        #expect(result.blocks.last?.outcome == .timedOut(seconds: 3))
    }

    @Test func anEditsOutputStopsAtTheCap() throws {
        var runner = runner
        runner.outputLimit = 1 << 16
        let edit = "for _ in 0..<100_000 { print(\"flood\") }\n"
        let result = try runner.run(chapter, through: 2, replacing: [2: edit])
        #expect(result.compiledAs != .wholeProgram)
        #expect(result.blocks.last?.truncated == true)
        #expect(result.blocks.first?.truncated == false)
    }
}
