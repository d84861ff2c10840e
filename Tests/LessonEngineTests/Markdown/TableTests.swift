import Testing

@testable import LessonEngine

/// GitHub pipe tables, which the engine finds in cmark's paragraphs (`PipeTable`): parsed
/// into the Swift tree with their alignments and lines, rendered as cmark-gfm 0.29's table
/// extension rendered them, and with math in their cells protected like math anywhere else.
@Suite struct TableTests {
    static let table = """
        Before.

        | Layer | Units | Activation |
        |:------|------:|:----------:|
        | dense | 64 | `relu` \\| none |
        | output | 10 |
        | extra | 1 | 2 | dropped |

        After.
        """

    private func position(_ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(line: line, column: column)
    }

    @Test func pipeTablesParseIntoRowsAndAlignedCells() throws {
        let table = CommonMark.parse(Self.table).children[1]
        #expect(table.kind == .table)
        #expect(table.range?.lines == 3...7)
        #expect(
            table.children.map(\.kind) == [
                .tableRow(header: true), .tableRow(header: false), .tableRow(header: false),
                .tableRow(header: false),
            ])
        #expect(table.children.map { $0.range?.start.line } == [3, 5, 6, 7])
        let header = table.children[0]
        #expect(
            header.children.map(\.kind) == [
                .tableCell(alignment: .left), .tableCell(alignment: .right),
                .tableCell(alignment: .center),
            ])
        #expect(
            header.children[1].range == SourceRange(start: position(3, 10), end: position(3, 16)))
        #expect(header.children.map(\.plainText) == ["Layer", "Units", "Activation"])
        // An escaped pipe is a pipe in the cell; a short row is filled with empty cells; a
        // long row loses the cells past the header's.
        let rows = table.children.dropFirst().map { $0.children.map(\.plainText) }
        #expect(
            rows == [["dense", "64", "relu | none"], ["output", "10", ""], ["extra", "1", "2"]])
        #expect(
            table.plainText == "Layer Units Activation dense 64 relu | none output 10  extra 1 2")
    }

    /// Tables, and paragraphs that are not tables, with the HTML cmark-gfm 0.29 and its
    /// table extension gave them (`CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES`), without and
    /// with source positions, as recorded before the engine moved to cmark.
    static let gfmRenderings: [(source: String, html: String, positioned: String)] = [
        (
            "| a | pipe | table |\n|---|---|---|\n| x | y | z |",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>pipe</th>\n<th>table</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n<td>z</td>\n</tr>\n</tbody>\n</table>\n",
            "<table data-sourcepos=\"1:1-3:13\">\n<thead>\n<tr data-sourcepos=\"1:1-1:20\">\n<th data-sourcepos=\"1:2-1:4\">a</th>\n<th data-sourcepos=\"1:6-1:11\">pipe</th>\n<th data-sourcepos=\"1:13-1:19\">table</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"3:1-3:13\">\n<td data-sourcepos=\"3:2-3:4\">x</td>\n<td data-sourcepos=\"3:6-3:8\">y</td>\n<td data-sourcepos=\"3:10-3:12\">z</td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "| left | centre | right | none |\n|:--|:-:|--:|---|\n| `a\\|b` | **b** | [c](/c) | <i>d</i> |\n| short |",
            "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">left</th>\n<th style=\"text-align: center\">centre</th>\n<th style=\"text-align: right\">right</th>\n<th>none</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\"><code>a|b</code></td>\n<td style=\"text-align: center\"><strong>b</strong></td>\n<td style=\"text-align: right\"><a href=\"/c\">c</a></td>\n<td><i>d</i></td>\n</tr>\n<tr>\n<td style=\"text-align: left\">short</td>\n<td style=\"text-align: center\"></td>\n<td style=\"text-align: right\"></td>\n<td></td>\n</tr>\n</tbody>\n</table>\n",
            "<table data-sourcepos=\"1:1-4:9\">\n<thead>\n<tr data-sourcepos=\"1:1-1:32\">\n<th style=\"text-align: left\" data-sourcepos=\"1:2-1:7\">left</th>\n<th style=\"text-align: center\" data-sourcepos=\"1:9-1:16\">centre</th>\n<th style=\"text-align: right\" data-sourcepos=\"1:18-1:24\">right</th>\n<th data-sourcepos=\"1:26-1:31\">none</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"3:1-3:39\">\n<td style=\"text-align: left\" data-sourcepos=\"3:2-3:9\"><code>a|b</code></td>\n<td style=\"text-align: center\" data-sourcepos=\"3:11-3:17\"><strong>b</strong></td>\n<td style=\"text-align: right\" data-sourcepos=\"3:19-3:27\"><a href=\"/c\">c</a></td>\n<td data-sourcepos=\"3:29-3:38\"><i>d</i></td>\n</tr>\n<tr data-sourcepos=\"4:1-4:9\">\n<td style=\"text-align: left\" data-sourcepos=\"4:2-4:8\">short</td>\n<td style=\"text-align: center\" data-sourcepos=\"4:0-4:0\"></td>\n<td style=\"text-align: right\" data-sourcepos=\"4:0-4:0\"></td>\n<td data-sourcepos=\"4:0-4:0\"></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "a | b\n- | -\n1 | 2\nlazy row\n\n| one |\n|-----|\n",
            "<p>a | b</p>\n<ul>\n<li>| -\n1 | 2\nlazy row</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>one</th>\n</tr>\n</thead>\n</table>\n",
            "<p data-sourcepos=\"1:1-1:5\">a | b</p>\n<ul data-sourcepos=\"2:1-5:0\">\n<li data-sourcepos=\"2:1-5:0\">| -\n1 | 2\nlazy row</li>\n</ul>\n<table data-sourcepos=\"6:1-7:7\">\n<thead>\n<tr data-sourcepos=\"6:1-6:7\">\n<th data-sourcepos=\"6:2-6:6\">one</th>\n</tr>\n</thead>\n</table>\n"
        ),
        (
            "| a | b |\n|---|\n| not a table: the delimiter row is short |",
            "<p>| a | b |\n|---|\n| not a table: the delimiter row is short |</p>\n",
            "<p data-sourcepos=\"1:1-3:43\">| a | b |\n|---|\n| not a table: the delimiter row is short |</p>\n"
        ),
        (
            "> | a | b |\n> |---|:-:|\n> | `c` | *d* |\n",
            "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align: center\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>c</code></td>\n<td style=\"text-align: center\"><em>d</em></td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n",
            "<blockquote data-sourcepos=\"1:1-3:15\">\n<table data-sourcepos=\"1:3-3:15\">\n<thead>\n<tr data-sourcepos=\"1:3-1:11\">\n<th data-sourcepos=\"1:4-1:6\">a</th>\n<th style=\"text-align: center\" data-sourcepos=\"1:8-1:10\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"3:3-3:15\">\n<td data-sourcepos=\"3:4-3:8\"><code>c</code></td>\n<td style=\"text-align: center\" data-sourcepos=\"3:10-3:14\"><em>d</em></td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n"
        ),
        (
            "- item\n\n  | a |\n  | --: |\n  | 1 |\n- next\n",
            "<ul>\n<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th style=\"text-align: right\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: right\">1</td>\n</tr>\n</tbody>\n</table>\n</li>\n<li>\n<p>next</p>\n</li>\n</ul>\n",
            "<ul data-sourcepos=\"1:1-6:6\">\n<li data-sourcepos=\"1:1-5:7\">\n<p data-sourcepos=\"1:3-1:6\">item</p>\n<table data-sourcepos=\"3:3-5:7\">\n<thead>\n<tr data-sourcepos=\"3:3-3:7\">\n<th style=\"text-align: right\" data-sourcepos=\"3:4-3:6\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"5:3-5:7\">\n<td style=\"text-align: right\" data-sourcepos=\"5:4-5:6\">1</td>\n</tr>\n</tbody>\n</table>\n</li>\n<li data-sourcepos=\"6:1-6:6\">\n<p data-sourcepos=\"6:3-6:6\">next</p>\n</li>\n</ul>\n"
        ),
        (
            "1. | a |\n   |---|\n",
            "<ol>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n</li>\n</ol>\n",
            "<ol data-sourcepos=\"1:1-2:8\">\n<li data-sourcepos=\"1:1-2:8\">\n<table data-sourcepos=\"1:4-2:8\">\n<thead>\n<tr data-sourcepos=\"1:4-1:8\">\n<th data-sourcepos=\"1:5-1:7\">a</th>\n</tr>\n</thead>\n</table>\n</li>\n</ol>\n"
        ),
        (
            "| [r] | `a\\|b` | # h | - l | > q | 1. x | &amp; |\n|---|---|---|---|---|---|---|\n| ![i](p.png \"t\") | <b>x</b> | \\* | a \\\\| b | | *e* | x\\\n\n[r]: /url\n",
            "<table>\n<thead>\n<tr>\n<th><a href=\"/url\">r</a></th>\n<th><code>a|b</code></th>\n<th># h</th>\n<th>- l</th>\n<th>&gt; q</th>\n<th>1. x</th>\n<th>&amp;</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><img src=\"p.png\" alt=\"i\" title=\"t\" /></td>\n<td><b>x</b></td>\n<td>*</td>\n<td>a | b</td>\n<td></td>\n<td><em>e</em></td>\n<td>x\\</td>\n</tr>\n</tbody>\n</table>\n",
            "<table data-sourcepos=\"1:1-3:56\">\n<thead>\n<tr data-sourcepos=\"1:1-1:49\">\n<th data-sourcepos=\"1:2-1:6\"><a href=\"/url\">r</a></th>\n<th data-sourcepos=\"1:8-1:15\"><code>a|b</code></th>\n<th data-sourcepos=\"1:17-1:21\"># h</th>\n<th data-sourcepos=\"1:23-1:27\">- l</th>\n<th data-sourcepos=\"1:29-1:33\">&gt; q</th>\n<th data-sourcepos=\"1:35-1:40\">1. x</th>\n<th data-sourcepos=\"1:42-1:48\">&amp;</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"3:1-3:56\">\n<td data-sourcepos=\"3:2-3:18\"><img src=\"p.png\" alt=\"i\" title=\"t\" /></td>\n<td data-sourcepos=\"3:20-3:29\"><b>x</b></td>\n<td data-sourcepos=\"3:31-3:34\">*</td>\n<td data-sourcepos=\"3:36-3:44\">a | b</td>\n<td data-sourcepos=\"3:46-3:46\"></td>\n<td data-sourcepos=\"3:48-3:52\"><em>e</em></td>\n<td data-sourcepos=\"3:54-3:56\">x\\</td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "|a|b|\n|-|-|\n||\n|  |  |  |\nc\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td></td>\n<td></td>\n</tr>\n<tr>\n<td></td>\n<td></td>\n</tr>\n<tr>\n<td>c</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n",
            "<table data-sourcepos=\"1:1-5:1\">\n<thead>\n<tr data-sourcepos=\"1:1-1:5\">\n<th data-sourcepos=\"1:2-1:2\">a</th>\n<th data-sourcepos=\"1:4-1:4\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"3:1-3:2\">\n<td data-sourcepos=\"3:2-3:1\"></td>\n<td data-sourcepos=\"3:0-3:0\"></td>\n</tr>\n<tr data-sourcepos=\"4:1-4:10\">\n<td data-sourcepos=\"4:2-4:3\"></td>\n<td data-sourcepos=\"4:5-4:6\"></td>\n</tr>\n<tr data-sourcepos=\"5:1-5:1\">\n<td data-sourcepos=\"5:1-5:1\">c</td>\n<td data-sourcepos=\"5:0-5:0\"></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "Text\n\n:-- | --:\n---|---\nx|y\n\n| *a* | b\n|:-:|\n| 1 | 2\n",
            "<p>Text</p>\n<table>\n<thead>\n<tr>\n<th>:--</th>\n<th>--:</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>\n<p>| <em>a</em> | b\n|:-:|\n| 1 | 2</p>\n",
            "<p data-sourcepos=\"1:1-1:4\">Text</p>\n<table data-sourcepos=\"3:1-5:3\">\n<thead>\n<tr data-sourcepos=\"3:1-3:9\">\n<th data-sourcepos=\"3:1-3:4\">:--</th>\n<th data-sourcepos=\"3:6-3:9\">--:</th>\n</tr>\n</thead>\n<tbody>\n<tr data-sourcepos=\"5:1-5:3\">\n<td data-sourcepos=\"5:1-5:1\">x</td>\n<td data-sourcepos=\"5:3-5:3\">y</td>\n</tr>\n</tbody>\n</table>\n<p data-sourcepos=\"7:1-9:7\">| <em>a</em> | b\n|:-:|\n| 1 | 2</p>\n"
        ),
    ]

    @Test(arguments: gfmRenderings.indices)
    func pipeTablesRenderAsCmarkGfmRenderedThem(index: Int) throws {
        let (source, html, positioned) = Self.gfmRenderings[index]
        #expect(try MarkdownDocument.parse(source).html() == html, "\(source.debugDescription)")
        #expect(
            HTMLRenderer(sourcePositions: true).render(CommonMark.parse(source)) == positioned,
            "\(source.debugDescription)")
    }

    @Test func theExampleTableRendersAsCmarkGfmRenderedIt() throws {
        let html = try MarkdownDocument.parse(Self.table).html()
        #expect(html.contains("<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">Layer</th>"))
        #expect(html.contains("<th style=\"text-align: center\">Activation</th>\n</tr>\n</thead>"))
        #expect(html.contains("<tbody>\n<tr>\n<td style=\"text-align: left\">dense</td>"))
        #expect(html.contains("<td style=\"text-align: center\"><code>relu</code> | none</td>"))
        #expect(html.contains("</tr>\n</tbody>\n</table>\n<p>After.</p>"))
        let positioned = HTMLRenderer(sourcePositions: true).render(CommonMark.parse(Self.table))
        #expect(positioned.contains("<table data-sourcepos=\"3:1-7:27\">"))
        #expect(positioned.contains("<td style=\"text-align: center\" data-sourcepos=\"6:0-6:0\">"))
    }

    /// Without GitHub's extension, `~~` is two tildes, as cmark has it.
    @Test func strikethroughIsNotSupported() throws {
        let source = "~~gone~~ but ~3 ms stay, as does ~~~three~~~."
        let html = try MarkdownDocument.parse(source).html()
        #expect(html == CommonMark.referenceHTML(source))
        #expect(html == "<p>~~gone~~ but ~3 ms stay, as does ~~~three~~~.</p>\n")
    }

    /// A cell holds inlines only, parsed by cmark with the document's link references; text
    /// that would start a block elsewhere stays text.
    @Test func cellsHoldInlinesWithTheDocumentsReferences() throws {
        let source = "| [r] | # h | - l | `a\\|b` |\n|---|---|---|---|\n| x *y* |\n\n[r]: /url\n"
        let table = try MarkdownDocument.parse(source).root.children[0]
        let header = table.children[0].children
        #expect(header[0].children.map(\.kind) == [.link(destination: "/url", title: "")])
        #expect(header[1].children.map(\.kind) == [.text("# h")])
        #expect(header[2].children.map(\.kind) == [.text("- l")])
        #expect(header[3].children.map(\.kind) == [.code("a|b")])
        // Inlines keep their places in the source, so errors and tools can point at them.
        let body = table.children[1].children[0]
        #expect(body.children.map(\.kind) == [.text("x "), .emphasis])
        #expect(
            body.children.map(\.range) == [
                SourceRange(start: position(3, 3), end: position(3, 4)),
                SourceRange(start: position(3, 5), end: position(3, 7)),
            ])
    }

    /// An unknown `@eq:` reference in a cell is reported at the cell's line.
    @Test func anErrorInACellNamesTheRowsLine() {
        let source = "# 1 T\n\n| a | b |\n|---|---|\n| 1 | see @eq:none |\n"
        #expect(
            throws: LessonError.source(
                file: "c.md", line: 5,
                message:
                    "@eq:none refers to no labelled formula (label one with $$ … $$ {#eq:none})")
        ) {
            try Renderer.body(markdown: source, file: "c.md")
        }
    }

    @Test func mathInTableCellsIsProtectedAndRestored() throws {
        let source = """
            | term | value |
            |------|-------|
            | $x_1 * y_1$ | $|w|$ and $\\|v\\|_2$ |
            | `$code$` | \\$5 |
            """
        let document = try MarkdownDocument.parse(source)
        #expect(document.math.map(\.tex) == ["x_1 * y_1", "|w|", "\\|v\\|_2"])
        #expect(
            document.math.map(\.range.start) == [position(3, 3), position(3, 17), position(3, 27)])
        let rows = document.root.children[0].children
        // The pipes inside the formulas do not split cells.
        #expect(rows.map(\.children.count) == [2, 2, 2])
        #expect(
            rows[1].children.map { $0.children.map(\.kind) } == [
                [.math(tex: "x_1 * y_1", display: false, label: nil)],
                [
                    .math(tex: "|w|", display: false, label: nil), .text(" and "),
                    .math(tex: "\\|v\\|_2", display: false, label: nil),
                ],
            ])
        #expect(
            rows[2].children.map { $0.children.map(\.kind) } == [[.code("$code$")], [.text("$5")]])
        let html = document.html()
        #expect(html.contains(#"<td><span class="math inline">\(x_1 * y_1\)</span></td>"#))
        #expect(
            html.contains(
                #"<td><span class="math inline">\(|w|\)</span> and "#
                    + #"<span class="math inline">\(\|v\|_2\)</span></td>"#))
    }

    @Test func aFormulaDoesNotCrossTableRows() throws {
        let source = "| a | b |\n|---|---|\n| $x | 1 |\n| 2 | y$ |\n"
        let document = try MarkdownDocument.parse(source)
        #expect(document.math == [])
        let rows = document.root.children[0].children
        #expect(
            rows.map { $0.children.map(\.plainText) } == [["a", "b"], ["$x", "1"], ["2", "y$"]])
    }

    @Test func codeBlockLinesAfterATableAreUnchanged() throws {
        let source = """
            # 1 Tables · 表

            | $a$ | $b$ |
            |-----|-----|
            | $\\frac{1}{2}$ | $|x|$ |
            A row without pipes.

            Text right above a table:
            | h | $h_2$ |
            | - | ----- |

            ```swift
            print(1)
            ```

            ```output
            1
            ```
            """
        let chapter = try ChapterParser(file: "t.md", source: source).parse()
        let block = try #require(chapter.blocks.first)
        #expect((block.startLine, block.endLine) == (12, 14))
        #expect(block.expected.map { ($0.startLine, $0.endLine) }! == (16, 18))
        let document = try MarkdownDocument.parse(source)
        let raw = CommonMark.parse(source)
        #expect(document.root.children.last?.range == raw.children.last?.range)
        #expect(document.root.children[1].range?.lines == 3...6)
        #expect(document.math.map(\.range.start.line) == [3, 3, 5, 5, 9])
    }

    /// A table is a paragraph of its own: right after prose, the lines continue the prose.
    @Test func aTableNeedsABlankLineBeforeIt() throws {
        let source = "First line\nsecond line\n| h | i |\n|---|---|\n| 1 | 2 |\n"
        let document = try MarkdownDocument.parse(source)
        #expect(document.root.children.map(\.kind) == [.paragraph])
        #expect(document.html() == CommonMark.referenceHTML(source))
        let separated = try MarkdownDocument.parse(source.replacing("line\n|", with: "line\n\n|"))
        #expect(separated.root.children.map(\.kind) == [.paragraph, .table])
        #expect(separated.root.children[1].range?.lines == 4...6)
    }
}
