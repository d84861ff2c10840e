import Foundation
import Testing

@testable import LessonEngine

/// The doctests of every chapter in `Chapters/`: each must run, match every expected output,
/// and leave no formula unverified — exactly what `lessons check` demands.
@Suite struct ChapterDoctests {
    static let files: [String] = {
        let folder = TestPackage.root.appendingPathComponent("Chapters")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()  // as Book.load
    }()

    @Test func theBookHasChaptersAndAllOfThemParse() throws {
        let book = try Book.load(root: TestPackage.root)
        #expect(!book.chapters.isEmpty)
        #expect(book.problems.isEmpty, "\(book.problems)")
    }

    @Test(arguments: files)
    func chapterPassesItsDoctests(file: String) throws {
        let path = "Chapters/\(file)"
        let source = try String(
            contentsOf: TestPackage.root.appendingPathComponent(path), encoding: .utf8)
        let chapter = try ChapterParser(file: path, source: source).parse()
        let result = try ChapterRunner(toolchain: TestPackage.toolchain()).run(chapter)
        let diffs = result.blocks.compactMap(\.diff)
        #expect(
            result.problems.isEmpty,
            "\(result.problems.joined(separator: "\n"))\n\(diffs.joined(separator: "\n"))")
        #expect(result.ranCount == chapter.blocks.filter(\.runs).count, "every runnable block ran")
    }
}
