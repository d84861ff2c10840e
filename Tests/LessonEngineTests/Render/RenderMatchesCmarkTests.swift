import Testing

@testable import LessonEngine

/// `lessons render` on plain CommonMark (no math, no tables, no Swift or output blocks) gives
/// exactly cmark's own HTML (`cmark_markdown_to_html`), on inputs after the CommonMark spec's
/// examples. Headings are the one deliberate difference: they get an `id` and a permalink.
@Suite struct RenderMatchesCmarkTests {
    static let plain: [String] = [
        // Emphasis and its flanking rules
        "*foo bar*", "a * foo bar*", "a*\"foo\"*", "foo*bar*", "_foo bar_", "_ foo bar_",
        "foo_bar_", "пристаням_стремятся_", "*(*foo*)*", "**foo bar**",
        "__foo, __bar__, baz__", "*foo**bar**baz*", "***foo** bar*", "*foo  \nbar*",
        // Links, reference links, images, autolinks
        "[link](/uri \"title\")", "[link](</my uri>)", "[link](foo(and(bar)))", "[a](<b)c>)",
        "[foo][bar]\n\n[bar]: /url \"title\"", "[Foo][BaR]\n\n[bar]: /url",
        "[foo]\n\n[foo]: /url 'title'", "[foo][]\n\n[foo]: /url", "![foo *bar*](/url \"title\")",
        "<http://foo.bar.baz/test?q=hello&id=22&boolean>", "<foo@bar.example.com>",
        // Lists
        "- a\n- b\n\n- c", "1. a\n\n   b\n2. c", "- a\n  - b\n    - c\n      - d",
        "10) foo\n    - bar", "* a\n*\n\n* c", "- foo\n***\n- bar",
        // Block quotes
        "> > > foo\nbar", ">     code\n\n>    not code", "> - a\n>\n> b",
        // Code spans and code blocks
        "`` foo ` bar ``", "` `` `", "`foo   bar \nbaz`", "    a simple\n      indented code block",
        "```\n<\n >\n```", "~~~ python\ndef f(): pass\n~~~",
        // HTML blocks and inline HTML
        "<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>",
        "<div>\n*hello*\n         <foo><a>", "<!-- foo -->*bar*\n*baz*",
        "a <span class=\"x\">b</span> <?php echo ?> c",
        // Entities and escapes
        "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;",
        "&#35; &#1234; &#992; &#0;",
        "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~",
        // Breaks, thematic breaks, paragraphs
        "foo  \nbar", "foo\\\nbar", "***\n---\n___", "+++", "Foo\n***\nbar", "aaa\n\n\nbbb",
        "  aaa\n bbb", "#5 bolt\n\n#hashtag",
        // Dollars that are not math, tildes that are not strikethrough, pipes that are no table
        "$5 and $6", "a ~~b~~ c", "| not | a table |\n\nbut a | pipe",
    ]

    static let headings: [String] = [
        "# foo\n## foo\n### foo", "Foo *bar*\n=========", "### foo ###", "Foo\n---\n\nBar\n===",
        "> # quoted\n- ## listed",
    ]

    @Test(arguments: plain)
    func plainCommonMarkRendersAsCmark(source: String) throws {
        #expect(
            Self.withoutCodeChrome(try Renderer.body(markdown: source, file: "t.md"))
                == CommonMark.referenceHTML(source))
    }

    /// The page wraps a code block in `<div class="code">` (for its copy button and scroll
    /// cue) and highlights Python; apart from that, a code block is cmark's.
    static func withoutCodeChrome(_ html: String) -> String {
        html
            .replacing(#"<div class="code"><pre>"#, with: "<pre>")
            .replacing("</pre></div>", with: "</pre>")
            .replacing(#/<span class="hl-[a-z]+">([^<]*)</span>/#) { String($0.output.1) }
    }

    /// A heading differs only by its `id` and its permalink.
    @Test(arguments: headings)
    func headingsDifferOnlyByIdAndPermalink(source: String) throws {
        let html = try Renderer.body(markdown: source, file: "t.md")
        #expect(html.contains(" id=\""))
        #expect(html.contains("class=\"permalink\""))
        let stripped =
            html
            .replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
            .replacing(#/<a class="permalink" href="#[^"]*" aria-label="[^"]*">#</a>/#, with: "")
        #expect(stripped == CommonMark.referenceHTML(source))
    }
}
