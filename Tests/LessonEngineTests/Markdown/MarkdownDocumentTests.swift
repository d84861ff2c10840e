import Testing

@testable import LessonEngine

/// All math nodes of a tree, in document order.
private func mathNodes(_ node: MarkdownNode) -> [MarkdownNode] {
    let own: [MarkdownNode] = if case .math = node.kind { [node] } else { [] }
    return own + node.children.flatMap(mathNodes)
}

/// The tree without source ranges, to compare shapes and content only.
private func withoutRanges(_ node: MarkdownNode) -> MarkdownNode {
    MarkdownNode(node.kind, children: node.children.map(withoutRanges))
}

private func tex(_ source: String) throws -> [String] {
    try mathNodes(MarkdownDocument.parse(source).root).compactMap { node in
        if case .math(let tex, _, _) = node.kind { tex } else { nil }
    }
}

@Test func subscriptsAndStarsSurviveInsideInlineMath() throws {
    let document = try MarkdownDocument.parse(#"Let $a_1 * b_2$ and $x_i^* \{y\}$ be."#)
    let paragraph = document.root.children[0]
    #expect(
        paragraph.children.map(\.kind) == [
            .text("Let "), .math(tex: "a_1 * b_2", display: false, label: nil), .text(" and "),
            .math(tex: #"x_i^* \{y\}"#, display: false, label: nil), .text(" be."),
        ])
    #expect(
        document.html()
            == #"<p>Let <span class="math inline">\(a_1 * b_2\)</span> and "#
            + #"<span class="math inline">\(x_i^* \{y\}\)</span> be.</p>"# + "\n")
}

@Test func escapedDollarsStayLiteralDollars() throws {
    let document = try MarkdownDocument.parse(#"It costs \$5 and \$6, or $5 and $6."#)
    #expect(document.math == [])
    #expect(document.html() == "<p>It costs $5 and $6, or $5 and $6.</p>\n")
}

@Test func dollarsInCodeSpansAreLeftAlone() throws {
    let document = try MarkdownDocument.parse("Code `$x$` and ``a ` $y$`` but $z$.")
    #expect(document.math.map(\.tex) == ["z"])
    #expect(
        document.root.children[0].children.prefix(4).map(\.kind) == [
            .text("Code "), .code("$x$"), .text(" and "), .code("a ` $y$"),
        ])
}

@Test func dollarsInCodeAndHTMLBlocksAreLeftAlone() throws {
    let source = """
        ```swift
        let price = "$$"
        let tex = "$x_1$"
        ```

            $$ indented $$

        <div title="$a$">
        $$ raw
        </div>
        """
    let document = try MarkdownDocument.parse(source)
    #expect(document.math == [])
    #expect(document.root == CommonMark.parse(source))
    #expect(document.html() == CommonMark.referenceHTML(source))
}

@Test func displayMathAloneInAParagraphBecomesABlock() throws {
    let source = """
        Before.

        $$
        \\sigma(x) = \\frac{1}{1 + e^{-x}}
        $$ {#eq:sigmoid}

        After $$a_b$$ inline.
        """
    let document = try MarkdownDocument.parse(source)
    let blocks = document.root.children
    #expect(
        blocks[1].kind
            == .math(tex: #"\sigma(x) = \frac{1}{1 + e^{-x}}"#, display: true, label: "eq:sigmoid"))
    #expect(blocks[1].range?.lines == 3...5)
    #expect(
        blocks[2].children.map(\.kind) == [
            .text("After "), .math(tex: "a_b", display: true, label: nil), .text(" inline."),
        ])
    #expect(document.math.map(\.label) == ["eq:sigmoid", nil])
    #expect(document.math.map(\.lines) == [3...5, 7...7])
    #expect(
        document.html() == """
            <p>Before.</p>
            <div class="math display" id="eq:sigmoid">\\[\\sigma(x) = \\frac{1}{1 + e^{-x}}\\]</div>
            <p>After <span class="math display">\\[a_b\\]</span> inline.</p>

            """)
}

@Test func unterminatedDisplayMathIsReportedWithItsLine() {
    let source = "Fine $x$.\n\nText\n$$ a + b\nmore\n\n# Later heading\n"
    #expect(throws: MarkdownError.unterminatedDisplayMath(SourcePosition(line: 4, column: 1))) {
        try MarkdownDocument.parse(source)
    }
}

@Test func codeBlockLinesAfterMultiLineMathAreUnchanged() throws {
    let source = """
        # Title

        $$
        a = b
          + c
        $$

        Inline $x$ and $$y$$ on one line.

        ```swift
        print(1)
        ```
        """
    let document = try MarkdownDocument.parse(source)
    let code = document.root.children.last
    #expect(code?.kind == .codeBlock(info: "swift", literal: "print(1)\n", fenced: true))
    #expect(code?.range?.lines == 10...12)
    #expect(code?.range == CommonMark.parse(source).children.last?.range)
    #expect(document.math.map(\.tex) == ["a = b\n  + c", "x", "y"])
}

@Test func multiLineMathInsideContainersLosesTheMarkers() throws {
    let source = """
        > $$
        > a > b
        > $$

        - $$
          c_1
          $$
        """
    let document = try MarkdownDocument.parse(source)
    #expect(document.math.map(\.tex) == ["a > b", "c_1"])
    #expect(
        document.root.children[0].children.map(\.kind) == [
            .math(tex: "a > b", display: true, label: nil)
        ])
    #expect(
        document.root.children[1].children[0].children.map(\.kind) == [
            .math(tex: "c_1", display: true, label: nil)
        ])
}

@Test func tokensOutsideTextTurnBackIntoSource() throws {
    let source = """
        [a]($x$) <span title="$y$">z</span> <http://e.com/$w$> [r]

        [r]: /u "$t$"
        """
    let document = try MarkdownDocument.parse(source)
    #expect(document.math == [])
    #expect(withoutRanges(document.root) == withoutRanges(CommonMark.parse(source)))
    #expect(document.html() == CommonMark.referenceHTML(source))
}

@Test func mathSyntaxCornersFollowPandoc() throws {
    #expect(try tex("$ x$ and $x $ and $x$5") == [])
    #expect(try tex("$a \\$ b$ then \\\\$c$") == ["a \\$ b", "c"])
    #expect(try tex("$x$y and $$ $$ empty") == ["x"])
    #expect(try tex("*$a_1$* and **$b$**") == ["a_1", "b"])
    #expect(try tex("## Heading $h_t$\n$x") == ["h_t"])
}

@Test func mathInHeadingsGivesTeXInPlainText() throws {
    let heading = try MarkdownDocument.parse("## The $\\sigma$ function").root.children[0]
    #expect(heading.plainText == "The \\sigma function")
}

@Test func sourceContainingThePlaceholderPrefixStillWorks() throws {
    let source = "Mathph0Z and Mathph1 and $m$ here."
    let document = try MarkdownDocument.parse(source)
    #expect(document.math.map(\.tex) == ["m"])
    #expect(
        document.root.children[0].children.first == MarkdownNode(.text("Mathph0Z and Mathph1 and "))
    )
}

@Test func consecutiveDisplayFormulasBecomeSeparateBlocks() throws {
    let source = "$$\na\n$$\n$$ b $$ {#eq:b}\n\n$$c$$ and text"
    let blocks = try MarkdownDocument.parse(source).root.children
    #expect(
        blocks.map(\.kind) == [
            .math(tex: "a", display: true, label: nil),
            .math(tex: "b", display: true, label: "eq:b"),
            .paragraph,
        ])
    #expect(blocks.map { $0.range?.lines } == [1...3, 4...4, 6...6])
}

@Test func windowsLineEndingsKeepLinesAndTeX() throws {
    let source = "Intro\r\n\r\n$$\r\nx_1 +\r\ny_2\r\n$$\r\n\r\n```swift\r\nlet z = 1\r\n```\r\n"
    let document = try MarkdownDocument.parse(source)
    #expect(document.math.map(\.tex) == ["x_1 +\ny_2"])
    #expect(document.root.children.last?.range?.lines == 8...10)
}

@Test func mathInsideLinksAndEmphasisIsMath() throws {
    let paragraph = try MarkdownDocument.parse("[see $x_1$](/u) *$a$*").root.children[0]
    #expect(
        paragraph.children[0].children.map(\.kind) == [
            .text("see "), .math(tex: "x_1", display: false, label: nil),
        ])
    #expect(
        paragraph.children[2].children.map(\.kind) == [.math(tex: "a", display: false, label: nil)])
}

@Test func mathNodesCarryTheirExactSourceRange() throws {
    let document = try MarkdownDocument.parse("ab $x$ and\n$$\ny\n$$ {#eq:y}")
    #expect(
        document.math.map(\.range) == [
            SourceRange(
                start: SourcePosition(line: 1, column: 4), end: SourcePosition(line: 1, column: 6)),
            SourceRange(
                start: SourcePosition(line: 2, column: 1), end: SourcePosition(line: 4, column: 10)),
        ])
    let inline = document.root.children[0].children[1]
    #expect(inline.range == document.math[0].range)
}

@Test func documentHTMLLetsTheEngineRenderCodeBlocks() throws {
    let document = try MarkdownDocument.parse("```swift\nprint($x$)\n```\n\n```text\n$y$\n```\n")
    let html = document.html { block in
        guard case .codeBlock(let info, let literal, _) = block.kind, info == "swift" else {
            return nil
        }
        return "<div class=\"run\">\(literal.count)</div>\n"
    }
    #expect(
        html
            == "<div class=\"run\">11</div>\n<pre><code class=\"language-text\">$y$\n</code></pre>\n"
    )
}

@Test func multiLineDisplayMathInsideProseLeavesNoStrayBreaks() throws {
    let document = try MarkdownDocument.parse("Where $$\nx +\ny\n$$ holds.")
    #expect(
        document.root.children[0].children.map(\.kind) == [
            .text("Where "), .math(tex: "x +\ny", display: true, label: nil), .text(" holds."),
        ])
    #expect(
        document.html()
            == "<p>Where <span class=\"math display\">\\[x +\ny\\]</span> holds.</p>\n")
}
