import Foundation
import Testing

@testable import LessonEngine

@Suite struct BookTests {
    /// A throwaway book with these chapter files.
    func makeBook(_ files: [String: String]) throws -> Book {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "book-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: chapters.appendingPathComponent(name))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Book.load(root: folder)
    }

    /// A book without `Chapters/` is one clear sentence, the same every time (`lessons serve`
    /// says a repeated error only once, so it must not vary).
    @Test func aMissingChaptersFolderIsOneStableSentence() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "no-chapters-\(UUID().uuidString)")
        let messages = (0..<5).map { _ -> String in
            do {
                _ = try Book.load(root: root)
                return "loaded"
            } catch {
                return "\(error)"
            }
        }
        #expect(Set(messages).count == 1)
        #expect(
            messages[0]
                == "there is no chapters folder: \(root.path)/Chapters is missing"
        )
    }

    @Test func findsChaptersAndSectionsByEveryName() throws {
        let book = try makeBook([
            "03-core.md": "# 3 Core\n\n## 3.1 One\n\n### 3.1.1 Two\n",
            "99-errata.md": "# Errata\n",
        ])
        #expect(book.chapters.map(\.id) == ["chapter3", "errata"])
        for name in ["chapter3", "3", "03-core.md", "Chapters/03-core.md", "03-core"] {
            #expect(try book.find(name).chapter.id == "chapter3", "\(name)")
            #expect(try book.find(name).section == nil)
        }
        #expect(try book.find("3.1.1").section?.title == "Two")
        #expect(try book.find("errata").chapter.number == nil)
    }

    @Test func anUnknownNameListsTheValidOnes() throws {
        let book = try makeBook(["03-core.md": "# 3 Core\n", "04-code.md": "# 4 Code\n"])
        #expect(
            throws: LessonError.usage(
                "no chapter or section named 'chapter9'. Chapters: chapter3, chapter4. Sections are named by number, e.g. 3.1 (see `lessons list`)."
            )
        ) {
            try book.find("chapter9")
        }
    }

    @Test func namesThatPointOutsideChaptersAreRefused() throws {
        let book = try makeBook(["03-core.md": "# 3 Core\n"])
        for name in [
            "../Package.swift", "/etc/passwd", "Chapters/../README.md", "../../etc/passwd.md",
        ] {
            #expect(throws: LessonError.self, "\(name)") { try book.find(name) }
        }
    }

    /// Emacs marks a chapter it is editing with a lock, `.#01-good.md`, a symbolic link to
    /// nowhere: not a chapter, and no reason for a build (or `lessons serve`) to fail.
    /// A chapter file that cannot be read is a problem at its file, like a broken one.
    @Test func editorLocksAreIgnoredAndAnUnreadableChapterIsAProblem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "book-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# 1 Good\n".utf8).write(to: chapters.appendingPathComponent("01-good.md"))
        for name in [".#01-good.md", "02-gone.md"] {
            try FileManager.default.createSymbolicLink(
                atPath: chapters.appendingPathComponent(name).path,
                withDestinationPath: "someone@host.4242:1700000000")
        }
        let book = try Book.load(root: folder)
        #expect(book.chapters.map(\.file) == ["Chapters/01-good.md"])
        #expect(book.problems.count == 1)
        #expect(
            book.problems.first?.description.hasPrefix(
                "Chapters/02-gone.md:1: error: the file cannot be read") == true,
            "\(book.problems)")
    }

    @Test func brokenFilesAreReportedAndTheRestStillLoad() throws {
        let book = try makeBook([
            "01-good.md": "# 1 Good\n",
            "02-bad.md": "# 2 Bad\n\n```output\nx\n```\n",
            "03-twin.md": "# 1 Twin\n",
        ])
        #expect(book.chapters.map(\.file) == ["Chapters/01-good.md", "Chapters/03-twin.md"])
        #expect(
            book.problems.map(\.description).sorted() == [
                "Chapters/02-bad.md:3: error: an output block must follow a swift block",
                "Chapters/03-twin.md:1: error: chapter id 'chapter1' is used by Chapters/01-good.md and Chapters/03-twin.md",
            ])
    }
}
