import Testing

@testable import LessonEngine

/// GitHub pipe tables and strikethrough, from cmark-gfm's extensions: parsed into the Swift
/// tree with their alignments and lines, rendered as cmark-gfm renders them, and with math in
/// their cells protected like math anywhere else.
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

    @Test func pipeTablesRenderAsCmarkGfmRendersThem() throws {
        let html = try MarkdownDocument.parse(Self.table).html()
        #expect(html == CommonMark.referenceHTML(Self.table))
        #expect(html.contains("<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">Layer</th>"))
        #expect(html.contains("<th style=\"text-align: center\">Activation</th>\n</tr>\n</thead>"))
        #expect(html.contains("<tbody>\n<tr>\n<td style=\"text-align: left\">dense</td>"))
        #expect(html.contains("<td style=\"text-align: center\"><code>relu</code> | none</td>"))
        #expect(html.contains("</tr>\n</tbody>\n</table>\n<p>After.</p>"))
        let positioned = HTMLRenderer(sourcePositions: true).render(CommonMark.parse(Self.table))
        #expect(positioned == CommonMark.referenceHTML(Self.table, sourcePositions: true))
        #expect(positioned.contains("<table data-sourcepos=\"3:1-7:27\">"))
    }

    @Test func strikethroughNeedsTwoTildes() throws {
        let source = "~~gone~~ but ~3 ms and ~4 ms stay, as does ~~~three~~~."
        let paragraph = CommonMark.parse(source).children[0]
        #expect(paragraph.children.first?.kind == .strikethrough)
        #expect(paragraph.children.first?.plainText == "gone")
        let html = try MarkdownDocument.parse(source).html()
        #expect(html == CommonMark.referenceHTML(source))
        #expect(html.hasPrefix("<p><del>gone</del> but ~3 ms and ~4 ms stay"))
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
        #expect(document.html() == CommonMark.referenceHTML(source))
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

    /// cmark-gfm 0.29 puts the header of a table that interrupts a paragraph on the
    /// paragraph's first line; the engine moves it back to its own line.
    @Test func aTableInterruptingAParagraphKeepsItsLines() throws {
        let source = "First line\nsecond line\n| h | i |\n|---|---|\n| 1 | 2 |\n"
        let document = try MarkdownDocument.parse(source)
        let (paragraph, table) = (document.root.children[0], document.root.children[1])
        #expect(paragraph.kind == .paragraph)
        #expect(paragraph.range == SourceRange(start: position(1, 1), end: position(2, 11)))
        #expect(table.range?.lines == 3...5)
        #expect(table.children.map { $0.range?.lines } == [3...3, 5...5])
        #expect(table.children[0].children.map { $0.range?.start.line } == [3, 3])
        #expect(document.html() == CommonMark.referenceHTML(source))
    }

    @Test func tablesInContainersRenderAsCmarkGfmRendersThem() {
        for source in [
            "> | a | b |\n> |---|:-:|\n> | `c` | *d* |\n",
            "- item\n\n  | a |\n  | --: |\n  | 1 |\n- next\n",
            "1. | a |\n   |---|\n",
        ] {
            #expect(
                HTMLRenderer().render(CommonMark.parse(source))
                    == CommonMark.referenceHTML(source), "\(source.debugDescription)")
            #expect(
                HTMLRenderer(sourcePositions: true).render(CommonMark.parse(source))
                    == CommonMark.referenceHTML(source, sourcePositions: true),
                "\(source.debugDescription)")
        }
    }
}
