import Foundation
import Testing

@testable import LessonEngine

@Suite struct BookTests {
    /// A throwaway book with these chapter files.
    func makeBook(_ files: [String: String]) throws -> Book {
        try makeBook(bytes: files.mapValues { Data($0.utf8) })
    }

    /// A throwaway book with these chapter files, given as bytes.
    func makeBook(bytes files: [String: Data]) throws -> Book {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "book-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        for (name, data) in files {
            try data.write(to: chapters.appendingPathComponent(name))
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

    /// A file that is not UTF-8 is a problem at its line 1; the other chapters still load.
    @Test func aFileThatIsNotUTF8IsAProblemAtItsFirstLine() throws {
        let book = try makeBook(bytes: [
            "01-good.md": Data("# 1 Good\n".utf8),
            "02-latin1.md": Data([0x23, 0x20, 0x32, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]),
        ])
        #expect(book.chapters.map(\.file) == ["Chapters/01-good.md"])
        #expect(
            book.problems == [
                .source(
                    file: "Chapters/02-latin1.md", line: 1, message: "the file is not valid UTF-8")
            ])
    }

    /// `lessons run` on a chapter that did not load names its real problem at its file and
    /// line, whichever name the chapter is given by, not "no chapter named …".
    @Test func findingABrokenChapterGivesItsProblem() throws {
        let book = try makeBook(bytes: [
            "01-good.md": Data("# 1 Good\n".utf8),
            "02-fence.md": Data("# 2 Fence\n\n```swift\nlet a = 1\n".utf8),
            "03-math.md": Data("# 3 Math\n\ntext\n\n$$\nx = 1\n".utf8),
            "04-bytes.md": Data([0x23, 0x20, 0x34, 0x20, 0xFF, 0x0A]),
            "05-output.md": Data("# 5 Output\n\n```output\nx\n```\n".utf8),
        ])
        let expected: [(names: [String], prefix: String)] = [
            (
                [
                    "chapter2", "2", "2.1", "02-fence.md", "Chapters/02-fence.md", "02-fence",
                    "fence",
                ],
                "Chapters/02-fence.md:3: error: this code fence is never closed"
            ),
            (["chapter3", "3", "03-math.md"], "Chapters/03-math.md:5: error: display math"),
            (
                ["chapter4", "04-bytes.md"],
                "Chapters/04-bytes.md:1: error: the file is not valid UTF-8"
            ),
            (
                ["5", "Chapters/05-output.md"],
                "Chapters/05-output.md:3: error: an output block must follow a swift block"
            ),
        ]
        for (names, prefix) in expected {
            for name in names {
                let error = #expect(throws: LessonError.self, "\(name)") { try book.find(name) }
                #expect(
                    error?.description.hasPrefix(prefix) == true,
                    "\(name): \(String(describing: error))")
            }
        }
        #expect(try book.find("1").chapter.file == "Chapters/01-good.md")
        let unknown = #expect(throws: LessonError.self) { try book.find("chapter9") }
        #expect(unknown?.description.hasPrefix("no chapter or section named 'chapter9'") == true)
        #expect(
            unknown?.description.contains(
                "Chapters/04-bytes.md:1: error: the file is not valid UTF-8") == true,
            "a name that matches nothing still lists the chapters that did not load")
    }
}
