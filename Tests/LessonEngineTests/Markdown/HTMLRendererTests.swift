import Testing

@testable import LessonEngine

/// Math-free inputs covering every node kind and the escaping corners of cmark's renderer
/// (tables, which cmark does not know, are in `TableTests`).
private let corpus: [String] = [
    "",
    "Hello *world*",
    "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n",
    "Setext one\n===\n\nSetext two\n---\n",
    "Text with < and > and & and \" and ' and /.",
    "AT&T, a&amp;b, &copy; &#35; &#x22; &nbsp; &bogus;",
    "A `code <span>` & `` `ticks` `` here",
    "## Heading with `code` and *emphasis*",
    "**strong** *emph* ***both*** _under_ __double__ a*b*c",
    "[link](http://example.com/a b \"the title\")",
    "[link](<http://example.com/a b> 'single \"quoted\" title')",
    "[spaces](<a b c>) [unicode](http://例え.jp/ü?q=ä) [amp](http://a.com/?a=1&b=2)",
    "[quote](http://a.com/it's) [brackets](http://a.com/[x]) [tilde](http://a.com/~u)",
    "[percent](http://a.com/%20ok%zz) [backslash](http://a.com/a\\\\b)",
    "<http://example.com/auto?x=1&y=2> and <me@example.com>",
    "![alt *with* **emphasis** and `code`](img.png \"Title & <more>\")",
    "![multi\nline alt](a.png) ![](empty.png) ![x ![nested](n.png) y](outer.png)",
    "[ref link][r] and [r]\n\n[r]: /url \"ref title\"",
    "- one\n- two\n- three\n",
    "- loose\n\n- list\n",
    "1. one\n2. two\n",
    "3) three\n4) four\n",
    "7. seven\n\n   para in item\n8. eight\n",
    "- a\n  - b\n    - c\n- d\n",
    "- item\n\n  > quote in item\n\n  ```\n  code in item\n  ```\n",
    "> quote\n> > nested\n> - list in quote\n",
    "> lazy\ncontinuation\n",
    "<div class=\"x\">\n*raw* block\n</div>\n\nafter",
    "<!-- comment -->\n\ntext <span title=\"t\">inline</span> html <br/>",
    "<script>\nalert('x < y');\n</script>\n",
    "hard  \nbreak and\\\nbackslash break\nsoft break",
    "***\n---\n___\n",
    "```swift hidden\nlet x = 1 < 2 && \"a\" != 'b'\n```\n",
    "```output tolerance=1e-6\n0.5\n```\n",
    "~~~\ntilde fence\n~~~\n",
    "```\n```\n",
    "```a&b<c\" rest\nx\n```\n",
    "    indented code\n    with <tags>\n\n    and blank\n",
    "    ```\n    not a fence\n",
    "Escapes: \\* \\_ \\` \\\\ \\$ \\[ \\< \\&",
    "Tabs\tand\tspaces   trailing   \n",
    "Unicode: 神经网络 · é ü 😀 — “quotes”",
    "1986. A year\n\n- \n- empty item",
    "Para\n# Heading right after\nPara again\n    not code\n",
    "| a | b |\n|---|\n| not a table: the delimiter row is short |",
    "~~struck~~ ~single~ ~~~triple~~~ a~~b~~c ~~*emph* inside~~",
    "line one\r\nline two\r\n\r\n- crlf list\r\n",
    "[empty]() [title only](<> \"t\")",
    "*a **b** c* **a *b* c**",
    "Final paragraph with no newline",
]

@Test(arguments: corpus.indices)
func rendersLikeCmark(index: Int) {
    let source = corpus[index]
    let ours = HTMLRenderer().render(CommonMark.parse(source))
    #expect(ours == CommonMark.referenceHTML(source), "\(source.debugDescription)")
}

@Test(arguments: corpus.indices)
func rendersSourcePositionsLikeCmark(index: Int) {
    let source = corpus[index]
    let ours = HTMLRenderer(sourcePositions: true).render(CommonMark.parse(source))
    #expect(ours == CommonMark.referenceHTML(source, sourcePositions: true))
}

/// Every printable ASCII byte, and some UTF-8, in a destination and a title: each byte must
/// be escaped exactly as cmark escapes it.
@Test func escapesEveryASCIIByteInURLsLikeCmark() {
    let printable = (33..<127).map { String(UnicodeScalar(UInt8($0))) }
        .filter { !"<>\\\n".contains($0) }.joined()
    let source = "[all](<\(printable) é\\<\\>> \"\(printable.replacing("\"", with: "\\\""))\")"
    let ours = HTMLRenderer().render(CommonMark.parse(source))
    #expect(ours == CommonMark.referenceHTML(source))
    #expect(ours.contains("%C3%A9%3C%3E"))
}

/// Pairs of blocks inside each kind of container, tight and loose: every combination must
/// render as cmark renders it, so that nesting, `<p>` in tight lists and line breaks between
/// blocks are right everywhere, not only in the hand-picked corpus.
@Test func rendersBlocksInEveryContainerLikeCmark() {
    let blocks = [
        "para *em* `c` &amp;", "# heading", "```swift\nlet a = 1\n```", "    indented",
        "<div>\nraw\n</div>", "---", "- inner\n- list", "> inner quote", "2. ordered",
        "~~d~~ and | a | b |",
    ]
    let containers: [(first: String, rest: String)] = [
        ("", ""), ("> ", "> "), ("- ", "  "), ("1. ", "   "), ("> 2) ", ">    "), ("- > ", "  > "),
    ]
    var mismatches: [String] = []
    for container in containers {
        for first in blocks {
            for second in blocks {
                for separator in ["\n", "\n\n"] {
                    let lines = (first + separator + second).split(
                        separator: "\n", omittingEmptySubsequences: false)
                    let source = lines.enumerated().map { index, line in
                        (index == 0 ? container.first : container.rest) + line
                    }.joined(separator: "\n")
                    if HTMLRenderer().render(CommonMark.parse(source))
                        != CommonMark.referenceHTML(source)
                    {
                        mismatches.append(source)
                    }
                }
            }
        }
    }
    #expect(mismatches == [])
}

/// A code block the closure renders is replaced at the start of a line; one it declines
/// renders as cmark renders it.
@Test func codeBlockClosureReplacesOnlyTheBlocksItRenders() {
    let source = "Text\n\n```swift\nlet a = 1\n```\n- item\n\n  ```\n  <plain>\n  ```\n"
    var seen: [String] = []
    let html = HTMLRenderer { block in
        guard case .codeBlock(let info, _, _) = block.kind else { return nil }
        seen.append(info)
        return info == "swift" ? "<swift-block lines=\"\(block.range!.lines)\"/>" : nil
    }.render(CommonMark.parse(source))
    #expect(seen == ["swift", ""])
    let reference = CommonMark.referenceHTML(source)
    let cmarkSwiftBlock = "<pre><code class=\"language-swift\">let a = 1\n</code></pre>\n"
    #expect(reference.contains(cmarkSwiftBlock))
    #expect(
        html
            == reference.replacing(cmarkSwiftBlock, with: "<swift-block lines=\"3...5\"/>\n"))
}
