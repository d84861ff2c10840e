import Testing

@testable import LessonEngine

@Suite struct ChapterTranslationTests {
    static let source = """
        # 3 Core algorithms · 核心算法

        The rate $\\alpha$ of `SGD`, see [the errata](99-errata.md#e1).

        ## 3.1 Feedforward · 前馈神经网络

        ```swift name=first
        print(1)
        ```

        ```output
        1
        ```

        Left in English.

        ## The comparison in code

        | Symbol | Meaning |
        | --- | --- |
        | $\\alpha$ | learning rate |
        """

    func entry(_ id: String, _ translation: String, fuzzy: Bool = false) -> POEntry {
        var entry = POEntry(id: id)
        entry.translation = translation
        if fuzzy { entry.flags = ["fuzzy"] }
        return entry
    }

    func translated() throws -> (english: Chapter, chinese: Chapter) {
        let english = try ChapterParser(file: "Chapters/03-x.md", source: Self.source).parse()
        let catalog = POCatalog(entries: [
            entry("3 Core algorithms · 核心算法", "3 核心算法"),
            entry(
                "The rate $\\alpha$ of `SGD`, see [the errata](99-errata.md#e1).",
                "`SGD` 的学习率 $\\alpha$，见[勘误](99-errata.md#e1)。"),
            entry("3.1 Feedforward · 前馈神经网络", "3.1 前馈神经网络"),
            entry("Left in English.", "模糊的译文", fuzzy: true),
            entry("The comparison in code", "代码中的对照"),
            entry("learning rate", "学习率"),
        ])
        let translation = Translation(language: "zh-CN", file: "po/zh-CN.po", catalog: catalog)
        return (english, english.translated(by: translation))
    }

    @Test func proseHeadingsAndCellsAreTranslatedAndTheRestIsKept() throws {
        let (english, chinese) = try translated()
        #expect(chinese.title == "核心算法" && chinese.number == "3")
        #expect(chinese.sections.map(\.title) == ["前馈神经网络"])
        #expect(chinese.sections.map(\.id) == english.sections.map(\.id))
        #expect(chinese.blocks == english.blocks)
        #expect(chinese.formulas == english.formulas)
        let text = chinese.document.root.plainText
        #expect(text.contains("的学习率 \\alpha，见勘误。"))
        #expect(text.contains("Left in English."), "a fuzzy translation is not used")
        #expect(text.contains("代码中的对照") && text.contains("学习率"))
        #expect(!text.contains("learning rate"))
    }

    @Test func theTranslatedPageKeepsTheEnglishAnchorsAndTheCells() throws {
        let (english, chinese) = try translated()
        let math = MathCatalog()
        let englishPage = ChapterPage(
            chapter: english, results: [:], formulas: FormulaCatalog(chapters: [english]),
            math: math)
        var chinesePage = ChapterPage(
            chapter: chinese, results: [:], formulas: FormulaCatalog(chapters: [chinese]),
            math: math)
        chinesePage.headingAnchors = ChapterPage.anchorsByLine(of: english)
        let html = try chinesePage.body()
        #expect(html.contains("id=\"the-comparison-in-code\""))
        #expect(html.contains("id=\"section-3.1\""))
        let englishHTML = try englishPage.body()
        let cell = #/<figure class="cell[\s\S]*?</figure>/#
        #expect(
            html.matches(of: cell).map { String($0.output) }
                == englishHTML.matches(of: cell).map { String($0.output) })
    }

    @Test func aTranslationThatIsNotOneParagraphLeavesTheEnglish() throws {
        let english = try ChapterParser(file: "Chapters/03-x.md", source: "Intro text.\n").parse()
        let translation = Translation(
            language: "zh-CN", file: "po/zh-CN.po",
            catalog: POCatalog(entries: [entry("Intro text.", "一段\n\n两段")]))
        #expect(english.translated(by: translation).document.root.plainText == "Intro text.")
        #expect(translation.problems().count == 1)
    }

    @Test func aNumberedHeadingMustKeepItsNumber() {
        var heading = entry("3.1 Feedforward · 前馈神经网络", "前馈神经网络")
        heading.extractedComments = ["heading"]
        heading.translationLine = 9
        let problems = Translation(
            language: "zh-CN", file: "po/zh-CN.po", catalog: POCatalog(entries: [heading])
        ).problems()
        #expect(
            problems.map(\.description) == [
                "po/zh-CN.po:9: error: the translation of a numbered heading must begin with its "
                    + "number, 3.1, followed by a space"
            ])
    }

    @Test func pageTextPlaceholdersMustBeKept() {
        var text = POEntry(id: "Figure {number}.", context: Translation.siteContext)
        text.translation = "图。"
        text.translationLine = 4
        let translation = Translation(
            language: "zh-CN", file: "po/zh-CN.po", catalog: POCatalog(entries: [text]))
        #expect(
            translation.problems().map(\.description) == [
                "po/zh-CN.po:4: error: the translation must keep the placeholders {number}"
            ])
        #expect(PageText(language: "zh-CN", translation: translation)("Output") == "Output")
    }
}
