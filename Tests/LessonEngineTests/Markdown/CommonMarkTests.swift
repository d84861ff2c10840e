import Testing

@testable import LessonEngine

/// The nodes of a tree in document order, each with its depth.
private func flatten(_ node: MarkdownNode, depth: Int = 0) -> [(depth: Int, node: MarkdownNode)] {
    [(depth, node)] + node.children.flatMap { flatten($0, depth: depth + 1) }
}

private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

@Test func headingsKeepLevelTextAndLine() {
    let source = """
        # 1.背景介绍

        Some text.

        ## 3.3 Recurrent networks · 循环神经网络
        ### With `code` and *stress*
        """
    let headings = CommonMark.parse(source).children.compactMap { node in
        if case .heading(let level) = node.kind {
            (level, node.plainText, node.range?.start.line)
        } else {
            nil
        }
    }
    #expect(headings.map(\.0) == [1, 2, 3])
    #expect(
        headings.map(\.1) == ["1.背景介绍", "3.3 Recurrent networks · 循环神经网络", "With code and stress"])
    #expect(headings.map(\.2) == [1, 5, 6])
}

@Test func fencedCodeBlocksKeepInfoLiteralAndFenceLines() {
    let source = """
        Intro.

        ```swift hidden
        let x = 1
        print(x)
        ```

        ```output tolerance=1e-6
        1.0
        ```
        """
    let blocks = CommonMark.parse(source).children.filter {
        if case .codeBlock = $0.kind { true } else { false }
    }
    #expect(
        blocks.map(\.kind) == [
            .codeBlock(info: "swift hidden", literal: "let x = 1\nprint(x)\n", fenced: true),
            .codeBlock(info: "output tolerance=1e-6", literal: "1.0\n", fenced: true),
        ])
    #expect(blocks.map { $0.range?.lines } == [3...6, 8...10])
    #expect(blocks.first?.range == SourceRange(start: position(3, 1), end: position(6, 3)))
}

@Test func indentedCodeIsNotFencedEvenWhenItLooksLikeAFence() {
    let kinds = CommonMark.parse("Para\n\n    ```\n    x\n\n```\n```\n\n~~~\n~~~").children.map(
        \.kind)
    #expect(
        kinds == [
            .paragraph,
            .codeBlock(info: "", literal: "```\nx\n", fenced: false),
            .codeBlock(info: "", literal: "", fenced: true),
            .codeBlock(info: "", literal: "", fenced: true),
        ])
}

@Test func nestedListsKeepTheirShape() {
    let source = """
        1. one
        2. two
           - a
           - b

             loose b
        3. three
        """
    let list = CommonMark.parse(source).children[0]
    #expect(list.kind == .list(ordered: true, start: 1, tight: true, delimiter: .period))
    #expect(list.children.count == 3)
    let inner = list.children[1].children[1]
    #expect(inner.kind == .list(ordered: false, start: 0, tight: false, delimiter: .none))
    #expect(inner.children.map(\.plainText) == ["a", "bloose b"])
    #expect(inner.range?.lines == 3...6)
    let depths = flatten(list).filter { $0.node.kind == .item }.map(\.depth)
    #expect(depths == [1, 1, 3, 3, 1])
}

@Test func orderedListsKeepStartAndDelimiter() {
    let list = CommonMark.parse("7) seven\n8) eight").children[0]
    #expect(list.kind == .list(ordered: true, start: 7, tight: true, delimiter: .parenthesis))
}

@Test func nodesKeepCmarkSourcePositions() {
    let document = CommonMark.parse("> quote *em*\n\n- item\n\n---\n")
    #expect(document.range == SourceRange(start: position(1, 1), end: position(5, 3)))
    let quote = document.children[0]
    #expect(quote.range == SourceRange(start: position(1, 1), end: position(1, 12)))
    let paragraph = quote.children[0]
    #expect(paragraph.range == SourceRange(start: position(1, 3), end: position(1, 12)))
    #expect(paragraph.children.map(\.kind) == [.text("quote "), .emphasis])
    #expect(paragraph.children[1].range?.start == position(1, 9))
    #expect(document.children[2].kind == .thematicBreak)
    #expect(document.children[2].range?.start == position(5, 1))
}

@Test func inlineNodesCarryTheirData() {
    let source = #"[a](/u "t") ![i](/p.png) `c` <b>x</b> y  "# + "\nz\\\nw\nv &amp;"
    let inlines = CommonMark.parse(source).children[0].children.map(\.kind)
    #expect(
        inlines == [
            .link(destination: "/u", title: "t"), .text(" "),
            .image(destination: "/p.png", title: ""), .text(" "), .code("c"), .text(" "),
            .htmlInline("<b>"), .text("x"), .htmlInline("</b>"), .text(" y"), .lineBreak,
            .text("z"), .lineBreak, .text("w"), .softBreak, .text("v &"),
        ])
}

@Test func plainTextJoinsInlineContent() {
    let paragraph = CommonMark.parse("A *b* `c`\n**d** <i>e</i> [f](/g)").children[0]
    #expect(paragraph.plainText == "A b c d e f")
}
