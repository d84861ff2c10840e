import Testing

@testable import LessonEngine

@Suite struct POCatalogTests {
    static let text = """
        msgid ""
        msgstr ""
        "Language: zh_CN\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        #. paragraph
        #: Chapters/03-x.md:3 Chapters/04-y.md:9
        msgid "A \\"quoted\\" $\\\\alpha$"
        msgstr "一个“引用” $\\\\alpha$"

        #, fuzzy
        #| msgid "Old"
        msgid "New"
        msgstr "旧"

        msgctxt "site"
        msgid "Copy"
        msgstr ""
        "复"
        "制"

        #~ msgid "Gone"
        #~ msgstr "已删"

        """

    @Test func readsEntriesFlagsReferencesAndLines() throws {
        let catalog = try POCatalog.parse(Self.text, file: "po/zh-CN.po")
        #expect(catalog.headerValue("Language") == "zh_CN")
        #expect(catalog.entries.count == 4)
        let first = catalog.entries[0]
        #expect(first.id == "A \"quoted\" $\\alpha$")
        #expect(first.translation == "一个“引用” $\\alpha$")
        #expect(first.references == ["Chapters/03-x.md:3", "Chapters/04-y.md:9"])
        #expect(first.translationLine == 9)
        #expect(catalog.entries[1].isFuzzy)
        #expect(catalog.entries[2].context == "site" && catalog.entries[2].translation == "复制")
        #expect(catalog.entries[3].obsolete && catalog.entries[3].id == "Gone")
    }

    @Test func writesWhatItReads() throws {
        func withoutLines(_ catalog: POCatalog) -> POCatalog {
            var catalog = catalog
            for index in catalog.entries.indices { catalog.entries[index].translationLine = 0 }
            return catalog
        }
        let catalog = try POCatalog.parse(Self.text, file: "po/zh-CN.po")
        let again = try POCatalog.parse(catalog.text, file: "again")
        #expect(withoutLines(again) == withoutLines(catalog))
        #expect(again.text == catalog.text)
    }

    @Test func untranslatedFuzzyAndObsoleteFallBackToTheSource() throws {
        let translation = Translation(
            language: "zh-CN", file: "po/zh-CN.po",
            catalog: try POCatalog.parse(Self.text, file: "po/zh-CN.po"))
        #expect(translation.translate("A \"quoted\" $\\alpha$") == "一个“引用” $\\alpha$")
        #expect(translation.translate("New") == nil)
        #expect(translation.translate("Gone") == nil)
        #expect(translation.translate("Copy") == nil)
        #expect(translation.site("Copy") == "复制")
        #expect(translation.site("Search") == "Search")
    }

    @Test func aBrokenLineIsNamed() {
        #expect(
            throws: LessonError.source(
                file: "x.po", line: 2, message: "msgstr without a msgid before it")
        ) {
            try POCatalog.parse("\nmsgstr \"a\"\n", file: "x.po")
        }
    }
}
