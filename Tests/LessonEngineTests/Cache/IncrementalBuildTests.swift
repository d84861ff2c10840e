import Foundation
import Testing

@testable import LessonEngine

/// Rebuilds run only what changed: nothing after a prose edit, one chapter after a code edit.
@Suite struct IncrementalBuildTests {
    @Test func onlyCodeEditsRunCodeAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "incremental-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: chapters.appendingPathComponent(name))
        }
        let one = "# 1 One\n\nProse.\n\n```swift\nprint(\"one\")\n```\n\n```output\none\n```\n"
        let two = "# 2 Two\n\n```swift\nprint(\"two\")\n```\n\n```output\ntwo\n```\n"
        try write("01-one.md", one)
        try write("02-two.md", two)
        var workspace = Workspace(root: folder)
        workspace.toolchain = try TestPackage.toolchain()
        func build() throws -> [Bool] {
            let report = try workspace.build(book: workspace.loadBook(), jobs: 2)
            #expect(report.passed, "\(report.problems)")
            return report.results.map(\.fromCache)
        }
        #expect(try build() == [false, false], "a cold build runs everything")
        #expect(try build() == [true, true], "a no-op rebuild runs nothing")
        try write("01-one.md", one.replacingOccurrences(of: "Prose.", with: "New prose,\nlonger."))
        #expect(try build() == [true, true], "a prose edit runs nothing")
        let page = try String(
            contentsOf: folder.appendingPathComponent("Site/chapter1.html"), encoding: .utf8)
        #expect(page.contains("New prose,"), "but the page shows it")
        try write("02-two.md", two.replacingOccurrences(of: "two", with: "deux"))
        #expect(try build() == [true, false], "a code edit runs that chapter alone")
        let refreshed = workspace.check(
            book: try workspace.loadBook(),
            options: CheckOptions(jobs: 1, refresh: .chapters(["chapter1"])))
        #expect(
            refreshed.results.map(\.fromCache) == [false, true], "--refresh-chapter forces one run")
    }

    @Test func aParallelCheckReportsExactlyWhatASerialOneDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parallel-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 1...3 {
            let text = """
                # \(number) Chapter \(number)

                ```swift
                var total = 0.0
                for step in 1...20_000 { total += 1 / Double(step * \(number)) }
                print("chapter \(number):", total)
                ```
                """
            try Data(text.utf8).write(to: chapters.appendingPathComponent("0\(number)-c.md"))
        }
        var workspace = Workspace(root: folder)
        workspace.toolchain = try TestPackage.toolchain()
        let book = try workspace.loadBook()
        let serial = workspace.check(book: book, options: CheckOptions(jobs: 1, refresh: .all))
        let parallel = workspace.check(book: book, options: CheckOptions(jobs: 3, refresh: .all))
        #expect(serial.results.map(\.chapter.id) == ["chapter1", "chapter2", "chapter3"])
        #expect(parallel.results.map(\.chapter.id) == serial.results.map(\.chapter.id))
        #expect(
            parallel.results.map { $0.blocks.map(\.output) }
                == serial.results.map { $0.blocks.map(\.output) })
        #expect(parallel.results.allSatisfy { !$0.fromCache })
    }
}
