import Foundation
import Testing

@testable import LessonEngine

@Suite struct WorkspaceTranslationsTests {
    /// A book of one chapter in a fresh folder.
    func book(_ chapter: String) throws -> Workspace {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-i18n-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        try Data(chapter.utf8).write(to: root.appendingPathComponent("Chapters/01-a.md"))
        return Workspace(root: root)
    }

    func catalog(_ workspace: Workspace, _ name: String) throws -> POCatalog {
        let url = workspace.translationsFolder.appendingPathComponent(name)
        return try POCatalog.parse(String(contentsOf: url, encoding: .utf8), file: name)
    }

    func translateAll(_ workspace: Workspace) throws {
        var zh = try catalog(workspace, "zh-CN.po")
        for index in zh.entries.indices {
            zh.entries[index].translation = "译 " + zh.entries[index].id
        }
        try Data(zh.text.utf8).write(
            to: workspace.translationsFolder.appendingPathComponent("zh-CN.po"))
    }

    @Test func theCommittedTemplateIsWhatExtractionMakesNow() throws {
        let workspace = Workspace(root: TestPackage.root)
        let built = workspace.translationTemplate(try workspace.loadBook()).text
        let committed = try String(
            contentsOf: TestPackage.root.appendingPathComponent("po/messages.pot"), encoding: .utf8)
        #expect(
            built == committed,
            "po/messages.pot is out of date: run `swift run lessons i18n update`")
    }

    @Test func everyCommittedCatalogPassesMsgfmtCheck() throws {
        let folder = TestPackage.root.appendingPathComponent("po")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".po") || $0.hasSuffix(".pot") }.sorted()
        #expect(names.contains("zh-CN.po") && names.contains("messages.pot"))
        for name in names {
            let result = try Subprocess(
                executable: "/usr/bin/env",
                arguments: [
                    "msgfmt", "--check", "-o", "/dev/null",
                    folder.appendingPathComponent(name).path,
                ]
            ).run()
            #expect(result.succeeded, "msgfmt --check po/\(name):\n\(result.text)")
        }
    }

    @Test func updateKeepsTranslationsAndMarksChangedMessagesFuzzy() throws {
        let workspace = try book("# 1 One\n\nFirst paragraph of the chapter.\n\nSecond one.\n")
        try workspace.updateTranslations(language: "zh-CN")
        try translateAll(workspace)
        try Data("# 1 One\n\nFirst paragraph of this chapter.\n\nSecond one.\n\nNew.\n".utf8)
            .write(to: workspace.root.appendingPathComponent("Chapters/01-a.md"))
        try workspace.updateTranslations(language: "zh-CN")
        let zh = try catalog(workspace, "zh-CN.po")
        let byID = Dictionary(
            uniqueKeysWithValues: zh.entries.filter { !$0.obsolete }.map { ($0.id, $0) })
        #expect(byID["Second one."]?.translation == "译 Second one.")
        #expect(byID["Second one."]?.isFuzzy == false)
        #expect(byID["First paragraph of this chapter."]?.isFuzzy == true)
        #expect(byID["New."]?.translation == "")
        let translation = Translation(language: "zh-CN", file: "po/zh-CN.po", catalog: zh)
        let coverage = workspace.translationCoverage(try workspace.loadBook(), translation)
        #expect(
            coverage == [TranslationCoverage(file: "Chapters/01-a.md", translated: 2, total: 4)])
    }

    @Test func coverageFallsWhenAMessageIsRemoved() throws {
        let workspace = try book("# 1 One\n\nFirst.\n\nSecond.\n")
        try workspace.updateTranslations(language: "zh-CN")
        try translateAll(workspace)
        var zh = try catalog(workspace, "zh-CN.po")
        let book = try workspace.loadBook()
        let before = workspace.translationCoverage(
            book, Translation(language: "zh-CN", file: "", catalog: zh))
        #expect(before.map(\.complete) == [true])
        zh.entries.removeAll { $0.id == "Second." }
        let coverage = workspace.translationCoverage(
            book, Translation(language: "zh-CN", file: "", catalog: zh))
        #expect(coverage.map(\.complete) == [false])
        #expect(coverage.first?.summary == "Chapters/01-a.md  2/3  66.6 %")
    }

    @Test func aLanguageTagIsChecked() throws {
        let workspace = try book("# 1 One\n")
        #expect(throws: LessonError.self) { try workspace.updateTranslations(language: "../x") }
    }
}
