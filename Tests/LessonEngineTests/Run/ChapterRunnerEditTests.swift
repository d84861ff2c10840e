import Foundation
import Testing

@testable import LessonEngine

/// The notebook's entry point: a chapter run up to a block, with edited code in place.
@Suite struct ChapterRunnerEditTests {
    @Test func editedCodeRunsAndLaterBlocksDoNot() throws {
        let chapter = try TestPackage.fixture("mismatch.md")
        let runner = ChapterRunner(toolchain: try TestPackage.toolchain(), timeLimit: 120)
        let result = try runner.run(
            chapter, through: 1, replacing: [1: "print(2.0 / 4)\nprint(\"edited\")"])
        #expect(result.blocks.map(\.block.id) == [0, 1])
        #expect(result.blocks.map(\.output) == ["one\n", "0.5\nedited\n"])
        #expect(result.blocks[1].diff != nil, "the edit no longer prints the expected output")
    }

    @Test func aCompileErrorInAnEditNamesTheEditedLine() throws {
        let chapter = try TestPackage.fixture("mismatch.md")
        let runner = ChapterRunner(toolchain: try TestPackage.toolchain(), timeLimit: 120)
        let edit = "print(1)\nprint(2)\nlet broken: Int = \"text\"\n"
        let result = try runner.run(chapter, through: 0, replacing: [0: edit])
        guard case .compileError(let diagnostics) = result.blocks[0].outcome else {
            Issue.record("expected a compile error, got \(result.blocks[0].outcome)")
            return
        }
        // The third line of the edit, counted from the block's first line of code.
        #expect(diagnostics.first?.line == chapter.blocks[0].codeLine + 2)
    }

    @Test func blocksAfterAnEditMoveWithItsLines() throws {
        let chapter = try TestPackage.fixture("mismatch.md")
        let edited = chapter.editing([0: "print(1)\nprint(2)\nprint(3)\n"], through: 2)
        #expect(edited.blocks.map(\.code)[0] == "print(1)\nprint(2)\nprint(3)\n")
        #expect(edited.blocks[0].endLine == chapter.blocks[0].endLine + 2)
        #expect(edited.blocks[1].startLine == chapter.blocks[1].startLine + 2)
        #expect(edited.blocks[2].endLine == chapter.blocks[2].endLine + 2)
        #expect(edited.blocks[1].code == chapter.blocks[1].code)
    }
}
