import Testing

@testable import LessonEngine

@Suite struct ChapterParserTests {
    func parse(_ source: String, file: String = "Chapters/07-x.md") throws -> Chapter {
        try ChapterParser(file: file, source: source).parse()
    }

    let chapter = """
        # 3 Core algorithms · 核心算法

        Intro.

        ## 3.1 Feedforward · 前馈神经网络

        ```swift hidden
        let shared = 1
        ```

        ### 3.1.1 Activations · 激活函数

        ```swift name=values
        print(shared)
        ```

        ```output tolerance=1e-6
        1
        ```

        ```python
        print("not ours")
        ```

        ```swift norun
        this is not compiled
        ```
        """

    @Test func readsTitlesSectionsBlocksAndOutputs() throws {
        let parsed = try parse(chapter)
        #expect(parsed.id == "chapter3")
        #expect(parsed.number == "3")
        #expect(parsed.title == "Core algorithms")
        #expect(parsed.originalTitle == "核心算法")
        #expect(parsed.sections.map(\.id) == ["3.1", "3.1.1"])
        #expect(parsed.sections.map(\.originalTitle) == ["前馈神经网络", "激活函数"])
        #expect(parsed.sections.map(\.line) == [5, 11])
        #expect(parsed.blocks.count == 3)
        #expect(parsed.blocks[0].options.hidden && parsed.blocks[0].section == "3.1")
        #expect(parsed.blocks[1].options.name == "values")
        #expect(parsed.blocks[1].startLine == 13 && parsed.blocks[1].endLine == 15)
        #expect(parsed.blocks[1].code == "print(shared)\n")
        #expect(parsed.blocks[1].expected?.text == "1\n")
        #expect(parsed.blocks[1].expected?.tolerance == 1e-6)
        #expect(parsed.blocks[1].expected?.startLine == 17)
        #expect(parsed.blocks[2].options.noRun && !parsed.blocks[2].runs)
        #expect(parsed.blocks(in: parsed.sections[0]).map(\.id) == [0, 1, 2])
    }

    @Test func anUnnumberedChapterTakesItsIdFromTheFileName() throws {
        let parsed = try parse("# Errata\n\nText.\n", file: "Chapters/99-errata.md")
        #expect(parsed.id == "errata")
        #expect(parsed.number == nil)
        #expect(parsed.title == "Errata")
    }

    /// A block's name is its stable anchor on the page (`#block-NAME`), so two blocks of a
    /// chapter cannot share one, and a name cannot look like a block's number.
    @Test func blockNamesAreUniqueAndNotNumbers() throws {
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 7,
                message: "the block name 'fit' is already used by the block at line 3")
        ) {
            try parse(
                "# 1 T\n\n```swift name=fit\nx\n```\n\n```swift name=fit\ny\n```\n", file: "c.md")
        }
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 3,
                message: "a block name cannot be a number ('12' would clash with #block-12)")
        ) {
            try parse("# 1 T\n\n```swift name=12\nx\n```\n", file: "c.md")
        }
    }

    @Test func badInputIsAnErrorAtItsLine() throws {
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 3, message: "an output block must follow a swift block")
        ) {
            try parse("# 1 T\n\n```output\nx\n```\n", file: "c.md")
        }
        #expect(throws: LessonError.self) { try parse("# 1 T\n\n```swift hiddn\nx\n```\n") }
        let unknownOption = #expect(throws: LessonError.self) {
            try parse("# 1 T\n\n```swift hiddn\nx\n```\n", file: "c.md")
        }
        #expect(
            unknownOption?.description.hasPrefix("c.md:3: error: unknown option 'hiddn'") == true)
        let unterminated = #expect(throws: LessonError.self) {
            try parse("# 1 T\n\ntext\n\n$$\nx = 1\n", file: "c.md")
        }
        #expect(unterminated?.description.hasPrefix("c.md:5: error: display math") == true)
        // A lone `$$` in prose stays an error, and says how to write it as text.
        let lone = #expect(throws: LessonError.self) {
            try parse("# 1 T\n\nCosts $$ are high.\n", file: "c.md")
        }
        #expect(lone?.description.hasPrefix("c.md:3: error: display math") == true)
        #expect(lone?.description.contains("escape it as \\$\\$") == true)
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 3,
                message:
                    "this code fence is never closed (line 5, ````swift`, is read as code inside it: close this block before it)"
            )
        ) {
            try parse(
                "# 1 T\n\n```swift\nlet a = 1\n```swift\nlet b = 2\n\nMore prose.\n", file: "c.md")
        }
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 3,
                message: "this code fence is never closed: add a closing fence after the block")
        ) {
            try parse("# 1 T\n\n```swift\nlet a = 1\n", file: "c.md")
        }
        #expect(throws: LessonError.source(file: "c.md", line: 1, message: "the chapter is empty"))
        {
            try parse(" \n\n", file: "c.md")
        }
        #expect(
            try parse("# 1 T\n\n````swift\nlet a = 1\n```\n````\n").blocks.first?.code
                == "let a = 1\n```\n")
        let unknownLabel = #expect(throws: LessonError.self) {
            try parse("# 1 T\n\n```swift verifies=eq:none\nx\n```\n", file: "c.md")
        }
        #expect(
            unknownLabel?.description
                == "c.md:3: error: verifies=eq:none names no labelled formula in this chapter")
    }
}
