import Foundation
import Testing

@testable import LessonEngine

@Suite struct AcceptTests {
    /// A throwaway book holding one copy of the mismatch fixture.
    func makeBook() throws -> (Workspace, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "accept-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let source = TestPackage.root.appendingPathComponent(TestPackage.fixturePath("mismatch.md"))
        let copy = chapters.appendingPathComponent("93-mismatch.md")
        try FileManager.default.copyItem(at: source, to: copy)
        var workspace = Workspace(root: folder)
        workspace.toolchain = try TestPackage.toolchain()
        return (workspace, copy)
    }

    @Test func acceptRewritesExactlyTheMismatchedBlock() throws {
        let (workspace, copy) = try makeBook()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let before = try String(contentsOf: copy, encoding: .utf8)
        let report = workspace.check(book: try workspace.loadBook(), jobs: 1, accept: true)
        #expect(report.accepted.map(\.blocks) == [1])
        #expect(report.passed, "accepted differences are no longer problems: \(report.problems)")
        let after = try String(contentsOf: copy, encoding: .utf8)
        #expect(
            after
                == before.replacingOccurrences(
                    of: "0.3333333333333333\n0.667\n",
                    with: "0.3333333333333333\n0.6666666666666666\n"))
        #expect(
            after.contains("```output tolerance=1e-9\n0.3\n```"),
            "a block within tolerance is left as written")
        let again = workspace.check(book: try workspace.loadBook(), jobs: 1)
        #expect(again.passed, "after --accept the chapter checks clean: \(again.problems)")
    }
}
