import Testing

@testable import LessonEngine

@Suite struct TranslationCheckTests {
    static let source =
        "The rate $\\alpha$ of `SGD` in [3.2](03-core.md#section-3.2), see @eq:update."

    func problems(_ translated: String) throws -> [String] {
        var entry = POEntry(id: Self.source)
        entry.translation = translated
        entry.translationLine = 42
        return Translation(
            language: "zh-CN", file: "po/zh-CN.po", catalog: POCatalog(entries: [entry])
        ).problems().map(\.description)
    }

    @Test func aTranslationMayMoveButNotChangeTheProtectedParts() throws {
        #expect(
            try problems("见 @eq:update：[3.2 节](03-core.md#section-3.2)中 `SGD` 的学习率 $\\alpha$。")
                .isEmpty)
    }

    @Test func aDroppedFormulaIsAnErrorOnTheMsgstrLine() throws {
        #expect(
            try problems("`SGD` 的学习率见 [3.2](03-core.md#section-3.2) 与 @eq:update。") == [
                "po/zh-CN.po:42: error: the translation drops the formula $\\alpha$"
            ])
    }

    @Test func changedCodeLinkAndReferenceAreErrors() throws {
        let found = try problems("$\\alpha$ `sgd` [3.2](03-core.md) @eq:updates")
        #expect(found.count == 6)
        #expect(found.contains("po/zh-CN.po:42: error: the translation drops the code span `SGD`"))
        #expect(
            found.contains(
                "po/zh-CN.po:42: error: the translation adds the link target (03-core.md)"))
        #expect(
            found.contains("po/zh-CN.po:42: error: the translation drops the reference @eq:update"))
    }

    @Test func aTranslationOfTwoParagraphsIsRefused() throws {
        #expect(
            try problems("$\\alpha$ `SGD`\n\n[3.2](03-core.md#section-3.2) @eq:update") == [
                "po/zh-CN.po:42: error: the translation is not one paragraph of Markdown "
                    + "(a blank line, fence or formula block in it?)"
            ])
    }

    @Test func rawHTMLSuchAsAReferenceAnchorMustStay() throws {
        var entry = POEntry(id: "<span id=\"ref-a\"></span>Author, A. (2020). *Title*.")
        entry.translation = "Author, A. (2020). *Title*。"
        entry.translationLine = 7
        let problems = Translation(
            language: "zh-CN", file: "po/zh-CN.po", catalog: POCatalog(entries: [entry])
        ).problems().map(\.description)
        #expect(
            problems == [
                "po/zh-CN.po:7: error: the translation drops the HTML `</span>`",
                "po/zh-CN.po:7: error: the translation drops the HTML `<span id=\"ref-a\">`",
            ])
    }
}
