import Foundation
import Testing

@testable import LessonEngine

/// Save writes exactly the edited block into the Markdown, and never over a newer file.
@Suite struct NotebookSaveTests {
    @Test func saveWritesExactlyTheBlockAndOnRequestItsOutput() async throws {
        let book = try await NotebookBook.make()
        let answer = try book.post(
            "save",
            try book.body(
                edits: [1: "print(\"sum\", base + 2)\nprint(\"twice\", 2 * base)\n"],
                outputs: [1: "sum 42\ntwice 80\n"]))
        #expect(answer.status == 200, "\(answer.body)")
        let expected = NotebookBook.chapter.replacingOccurrences(
            of: "print(\"sum\", base + 2)\n```\n\n```output\nsum 42\n```",
            with: "print(\"sum\", base + 2)\nprint(\"twice\", 2 * base)\n```\n\n```output\n"
                + "sum 42\ntwice 80\n```")
        #expect(expected != NotebookBook.chapter)
        #expect(try book.source() == expected)
        // The page gets the new version's hash, so it can save again.
        #expect(answer.body.contains(try book.hash()))
    }

    @Test func aFileChangedOnDiskIsNotOverwritten() async throws {
        let book = try await NotebookBook.make()
        let pageHash = try book.hash()
        let changed = NotebookBook.chapter.replacingOccurrences(
            of: "Then a second", with: "Meanwhile, in an editor, a second")
        try Data(changed.utf8).write(
            to: book.root.appendingPathComponent(NotebookBook.file), options: .atomic)
        let answer = try book.post(
            "save", try book.body(edits: [1: "print(\"mine\")\n"], hash: pageHash))
        #expect(answer.status == 409)
        #expect(answer.body.contains("changed on disk"))
        // The block as it is on disk comes back, for the page to show beside the edit.
        #expect(answer.body.contains("print(\\\"sum\\\", base + 2)"))
        #expect(try book.source() == changed)
    }

    @Test func anEditHoldingAFenceGrowsTheFenceInsteadOfBreakingTheChapter() async throws {
        let book = try await NotebookBook.make()
        let code = "let text = \"\"\"\n```\n\"\"\"\nprint(text)\n"
        let answer = try book.post("save", try book.body(edits: [0: code]))
        #expect(answer.status == 200, "\(answer.body)")
        let chapter = try ChapterParser(file: NotebookBook.file, source: try book.source()).parse()
        #expect(chapter.blocks.map(\.code) == [code, "print(\"sum\", base + 2)\n"])
    }
}
