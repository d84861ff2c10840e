import Foundation
import Testing

@testable import LessonEngine

/// What `lessons check` reports of the catalogs.
@Suite struct TranslationReportTests {
    @Test func theBooksCatalogsAreComplete() throws {
        let workspace = Workspace(root: TestPackage.root)
        let report = try workspace.translationReport(try workspace.loadBook())
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.complete, "\(report.text)")
        #expect(report.lines.first?.hasPrefix("Translation po/zh-CN.po: ") == true)
    }

    @Test func aRemovedTranslationFailsUnlessPartialTranslationsAreAllowed() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        try Data("# 1 One\n\nFirst.\n\nSecond.\n".utf8)
            .write(to: root.appendingPathComponent("Chapters/01-a.md"))
        let workspace = Workspace(root: root)
        try workspace.updateTranslations(language: "zh-CN")
        let url = workspace.translationsFolder.appendingPathComponent("zh-CN.po")
        var catalog = try POCatalog.parse(String(contentsOf: url, encoding: .utf8), file: "po")
        for index in catalog.entries.indices {
            catalog.entries[index].translation = catalog.entries[index].id + "（译）"
        }
        try Data(catalog.text.utf8).write(to: url)
        let book = try workspace.loadBook()
        #expect(try workspace.translationReport(book).passed(allowingPartial: false))

        catalog.entries.removeAll { $0.id == "Second." }
        try Data(catalog.text.utf8).write(to: url)
        let report = try workspace.translationReport(book)
        #expect(!report.complete)
        #expect(!report.passed(allowingPartial: false))
        #expect(report.passed(allowingPartial: true))
        #expect(report.text.contains("Chapters/01-a.md  2/3  66.6 %"))
    }
}
