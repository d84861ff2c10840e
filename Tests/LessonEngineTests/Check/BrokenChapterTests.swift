import Foundation
import Testing

@testable import LessonEngine

/// The real chapter 3, copied and broken on purpose: `lessons check` must fail and say where.
@Suite struct BrokenChapterTests {
    let file = "Chapters/03-core-algorithms.md"

    /// A throwaway book holding the chapter after `edit`.
    func check(after edit: (String) -> String) throws -> CheckReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        let source = try String(
            contentsOf: TestPackage.root.appendingPathComponent(file), encoding: .utf8)
        try Data(edit(source).utf8).write(to: folder.appendingPathComponent(file))
        var workspace = Workspace(root: folder)
        workspace.toolchain = try TestPackage.toolchain()
        return workspace.check(book: try workspace.loadBook(), jobs: 1)
    }

    func line(of text: String, in source: String) -> Int {
        (source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains(text)
        } ?? -1) + 1
    }

    @Test func theUnbrokenChapterPasses() throws {
        let report = try check { $0 }
        #expect(report.passed, "\(report.problems)")
    }

    @Test func anEditedExpectedOutputFailsAtItsLine() throws {
        let original = "sigmoid(0) is exactly 1/2: true"
        var edited = ""
        let report = try check { source in
            edited = source.replacingOccurrences(
                of: original, with: "sigmoid(0) is exactly 1/2: false")
            return edited
        }
        let fence =
            line(of: "sigmoid(0) is exactly 1/2: false", in: edited)
            - 4  // the output block's opening fence, four lines above
        #expect(!report.passed)
        #expect(report.problems == ["\(file):\(fence): output differs from expected"])
        let diff = try #require(report.results.first?.blocks.compactMap(\.diff).first)
        #expect(
            diff.contains("-sigmoid(0) is exactly 1/2: false\n+sigmoid(0) is exactly 1/2: true"))
    }

    @Test func aFormulaWithoutItsVerifyingBlockFailsAtItsLine() throws {
        var edited = ""
        let report = try check { source in
            // Drop every Swift block after the ReLU formula: the last ones of its section.
            let start = source.range(of: "```swift verifies=eq:relu")!.lowerBound
            edited = String(source[..<start])
            return edited
        }
        let formulaLine = line(of: "\\mathrm{ReLU}(x) = \\max(0, x)", in: edited) - 1
        #expect(!report.passed)
        #expect(
            report.problems.contains(
                "\(file):\(formulaLine): formula 'eq:relu' is not verified by any Swift block"))
    }
}
