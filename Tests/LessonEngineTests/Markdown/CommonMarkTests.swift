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

/// cmark 0.30 does not say whether a block was fenced; the engine reads the fence from the
/// source, where a fence of one character may be followed by an info string of the other.
@Test func fencesWithTheOtherFenceCharacterInTheirInfoAreFenced() {
    let kinds = CommonMark.parse("~~~```swift\nx\n~~~\n\n~~~~`{\n~~~~\n").children.map(\.kind)
    #expect(
        kinds == [
            .codeBlock(info: "```swift", literal: "x\n", fenced: true),
            .codeBlock(info: "`{", literal: "", fenced: true),
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

/// cmark keeps no global state, so the engine parses without a lock: many documents parsed
/// at once must each equal their serial parse. (cmark-gfm 0.29 needed a lock: its parsers
/// shared a global table of the characters that start an inline.)
@Test func concurrentParsesEqualSerialOnes() async {
    let fragments = [
        "*em* and **strong** `code`", "| a | b |\n|:-|-:|\n| `c` | *d* |", "~~tilde~~ [l](/u)",
        "- item\n  > quote", "```swift\nlet x = 1\n```", "<div>\nraw\n</div>", "# Heading $x$",
        "[r]\n\n[r]: /url", "1. one\n2. two", "text  \nbreak",
    ]
    let sources = (0..<400).map { index in
        (0..<(1 + index % 7)).map { fragments[(index * 7 + $0 * 3) % fragments.count] }
            .joined(separator: "\n\n")
    }
    let serial = sources.map { (CommonMark.parse($0), CommonMark.referenceHTML($0)) }
    let concurrent = await withTaskGroup(of: (Int, MarkdownNode, String).self) { group in
        for (index, source) in sources.enumerated() {
            group.addTask { (index, CommonMark.parse(source), CommonMark.referenceHTML(source)) }
        }
        var results = [(MarkdownNode, String)?](repeating: nil, count: sources.count)
        for await (index, tree, html) in group {
            results[index] = (tree, html)
        }
        return results
    }
    for index in sources.indices {
        #expect(concurrent[index]?.0 == serial[index].0, "\(sources[index].debugDescription)")
        #expect(concurrent[index]?.1 == serial[index].1)
    }
}
