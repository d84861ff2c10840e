import Testing

@testable import LessonEngine

@Suite struct UnitExtractorTests {
    static let source = """
        # 3 Core algorithms · 核心算法

        A paragraph with $x^2$, `code` and a
        [link](07-references.md#ref-a) over two lines.

        $$
        y = x
        $$ {#eq:y}

        - First item,
          continued.
        - Second item with $\\sigma$.

        > A quoted sentence
        > on two lines.

        | Symbol | Meaning |
        | --- | --- |
        | $\\alpha$ | learning rate, see $|x|$ |
        | `lr` | $y$ |

        ```swift
        print("not a message")
        ```

        ```output
        not a message
        ```

        <div>raw HTML</div>

        ## 3.1 Feedforward · 前馈神经网络 ##

        1. Numbered item.
        """

    func units() throws -> [TranslationUnit] {
        let chapter = try ChapterParser(file: "Chapters/03-x.md", source: Self.source).parse()
        return UnitExtractor(chapter: chapter).units(of: chapter.document)
    }

    @Test func findsEveryUnitWithItsKindAndLine() throws {
        let found = try units().map { "\($0.kind.rawValue) \($0.line): \($0.text)" }
        #expect(
            found == [
                "heading 1: 3 Core algorithms · 核心算法",
                "paragraph 3: A paragraph with $x^2$, `code` and a "
                    + "[link](07-references.md#ref-a) over two lines.",
                "list item 10: First item, continued.",
                "list item 12: Second item with $\\sigma$.",
                "block quote 14: A quoted sentence on two lines.",
                "table cell 17: Symbol",
                "table cell 17: Meaning",
                "table cell 19: learning rate, see $|x|$",
                "heading 32: 3.1 Feedforward · 前馈神经网络",
                "list item 34: Numbered item.",
            ])
    }

    @Test func referencesNameTheFileAndLine() throws {
        #expect(try units().first?.reference == "Chapters/03-x.md:1")
    }

    @Test func tableRowsSplitOutsideFormulasAndEscapedPipes() {
        #expect(TableRowSplitter.cells(of: "| $|x|$ | a \\| b |") == ["$|x|$", "a \\| b"])
        #expect(TableRowSplitter.cells(of: "a | b") == ["a", "b"])
    }

    @Test func messagesThatLookLikeBlockMarkersStayText() throws {
        let inlines = try #require(InlineMarkdown.inlines("1. Background"))
        #expect(inlines.map(\.plainText).joined() == "1. Background")
        #expect(InlineMarkdown.inlines("# not a heading")?.map(\.plainText) == ["# not a heading"])
        #expect(InlineMarkdown.inlines("two\n\nparagraphs") == nil)
    }
}
