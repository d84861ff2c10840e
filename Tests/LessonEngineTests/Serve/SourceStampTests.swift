import Foundation
import Testing

@testable import LessonEngine

/// The watcher's cheap look: the stamp changes when a chapter or a library source is saved,
/// and only then.
@Suite struct SourceStampTests {
    @Test func aSaveChangesTheStampAndNothingElseDoes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stamp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = root.appendingPathComponent("Chapters/01-a.md")
        let source = root.appendingPathComponent("Sources/NeuralNet/A.swift")
        for file in [chapter, source] {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("one\n".utf8).write(to: file)
        }
        let stamp = { SourceStamp(root: root, libraries: ["NeuralNet"]) }
        let first = stamp()
        #expect(stamp() == first)
        try Data("two\n".utf8).write(to: chapter)
        let second = stamp()
        #expect(second != first)
        try Data("two\n".utf8).write(to: source)
        #expect(stamp() != second)
        let third = stamp()
        try Data("new\n".utf8).write(to: root.appendingPathComponent("Chapters/02-b.md"))
        #expect(stamp() != third)
    }
}
