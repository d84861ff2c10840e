/// A GitHub pipe table, found in the source lines of a paragraph cmark parsed: cmark knows
/// no tables, so the engine recognises them itself.
///
/// The paragraph's first line is the header row, its second the delimiter row (cells of
/// dashes with optional colons: `:--` left, `:-:` centre, `--:` right), and every further
/// line a body row, up to the end of the paragraph. Rows split at each `|` but `\|`, which
/// is a pipe in the cell; a leading and a trailing pipe are optional. The header and the
/// delimiter row have as many cells as the table has columns; a body row is cut, or filled
/// with empty cells, to that number. So a table needs a blank line (or another block) before
/// it, and it ends where its paragraph ends.
///
/// Positions are as cmark-gfm gave them: a cell runs from the byte after its pipe to the
/// byte before the next, a row from the table's first column to its line's last byte.
struct PipeTable {
    /// One cell: its text, and where each byte of the text came from.
    struct Cell {
        /// The bytes between the cell's pipes, trimmed, with `\|` unescaped.
        var text: String
        /// The source offset of each byte of `text`, then one past the last.
        var offsets: [Int]
        var range: SourceRange
    }

    struct Row {
        var range: SourceRange
        var cells: [Cell]
    }

    /// One per column.
    var alignments: [MarkdownNode.TableAlignment]
    /// The header row first; the delimiter row is not a row.
    var rows: [Row]
    var range: SourceRange

    /// The table that `paragraph`'s lines form, or nil when they form none.
    init?(paragraph: MarkdownNode, in text: SourceText) {
        guard case .paragraph = paragraph.kind, let range = paragraph.range,
            range.end.line > range.start.line
        else { return nil }
        let lines = range.lines.map { Self.content(ofLine: $0, in: range, text: text) }
        let delimiters = Self.cellRanges(in: lines[1], bytes: text.bytes)
        let header = Self.cellRanges(in: lines[0], bytes: text.bytes)
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [MarkdownNode.TableAlignment] = []
        for delimiter in delimiters {
            guard let alignment = Self.alignment(of: text.bytes[delimiter]) else { return nil }
            alignments.append(alignment)
        }
        self.alignments = alignments
        rows = zip(range.lines, lines).enumerated().compactMap { index, element in
            guard index != 1 else { return nil }
            let (line, content) = element
            let cells = Self.cellRanges(in: content, bytes: text.bytes).prefix(alignments.count)
            let lastByte = text.position(of: max(content.lowerBound, content.upperBound - 1))
            return Row(
                range: SourceRange(
                    start: SourcePosition(line: line, column: range.start.column), end: lastByte),
                cells: cells.map { Self.cell($0, in: text) })
        }
        let lastLine = lines[lines.count - 1]
        self.range = SourceRange(
            start: range.start,
            end: text.position(of: max(lastLine.lowerBound, lastLine.upperBound - 1)))
    }

    /// The table as a node: its rows, their cells holding `cellInlines`, one list per cell
    /// of `cells` in order, with positions on the cell's text (line 1, column 1 its first
    /// byte).
    func node(cellInlines: inout ArraySlice<[MarkdownNode]>, text: SourceText) -> MarkdownNode {
        let rowNodes = rows.enumerated().map { index, row in
            var cells = row.cells.enumerated().map { column, cell in
                let inlines = cellInlines.popFirst() ?? []
                return MarkdownNode(
                    .tableCell(alignment: alignments[column]),
                    children: inlines.map { cell.placing($0, in: text) }, range: cell.range)
            }
            // A filled cell is at column 0 of its row's line, as cmark-gfm put it.
            let nowhere = SourcePosition(line: row.range.start.line, column: 0)
            while cells.count < alignments.count {
                cells.append(
                    MarkdownNode(
                        .tableCell(alignment: alignments[cells.count]),
                        range: SourceRange(start: nowhere, end: nowhere)))
            }
            return MarkdownNode(.tableRow(header: index == 0), children: cells, range: row.range)
        }
        return MarkdownNode(.table, children: rowNodes, range: range)
    }

    /// Every cell's text, row by row: what `node(cellInlines:text:)` wants inlines for.
    var cells: [String] { rows.flatMap { $0.cells.map(\.text) } }

    /// The document with every paragraph that forms a table replaced by the table; `inlines`
    /// parses cell texts (see `node(cellInlines:text:)`), all of the document's at once.
    static func replacingTables(
        in root: MarkdownNode, text: SourceText, inlines: ([String]) -> [[MarkdownNode]]
    ) -> MarkdownNode {
        let tables = tables(in: root, text: text)
        guard !tables.isEmpty else { return root }
        var cellInlines = inlines(tables.flatMap(\.table.cells))[...]
        var nodes: [SourceRange: MarkdownNode] = [:]
        for (paragraphRange, table) in tables {
            nodes[paragraphRange] = table.node(cellInlines: &cellInlines, text: text)
        }
        return replacing(root, with: nodes)
    }

    private static func tables(in node: MarkdownNode, text: SourceText) -> [(
        paragraph: SourceRange, table: PipeTable
    )] {
        if case .paragraph = node.kind {
            guard let range = node.range, let table = PipeTable(paragraph: node, in: text) else {
                return []
            }
            return [(range, table)]
        }
        return node.children.flatMap { tables(in: $0, text: text) }
    }

    private static func replacing(
        _ node: MarkdownNode, with tables: [SourceRange: MarkdownNode]
    ) -> MarkdownNode {
        if case .paragraph = node.kind {
            return node.range.flatMap { tables[$0] } ?? node
        }
        var node = node
        node.children = node.children.map { replacing($0, with: tables) }
        return node
    }

    /// A paragraph line's bytes after container markers and indentation, without its line
    /// break. The first line starts where cmark says the paragraph does; on the others the
    /// block-quote markers and indentation reach at most as far.
    private static func content(ofLine line: Int, in paragraph: SourceRange, text: SourceText)
        -> Range<Int>
    {
        let content = text.content(ofLine: line)
        var start = content.lowerBound
        if line == paragraph.start.line {
            start = min(text.offset(of: paragraph.start), content.upperBound)
        } else {
            while start - content.lowerBound < paragraph.start.column - 1,
                start < content.upperBound, text.bytes[start].isMarkerOrIndent
            {
                start += 1
            }
        }
        while start < content.upperBound, text.bytes[start] == .space || text.bytes[start] == .tab {
            start += 1
        }
        return start..<content.upperBound
    }

    /// The stretches between a row's pipes, as cmark-gfm splits a row: an optional leading
    /// pipe, then cells up to each unescaped pipe; whitespace after the last pipe is no cell.
    static func cellRanges(in line: Range<Int>, bytes: [UInt8]) -> [Range<Int>] {
        var index = line.lowerBound
        if index < line.upperBound && bytes[index] == .pipe {
            index += 1
        }
        var cells: [Range<Int>] = []
        while index < line.upperBound {
            var end = index
            while end < line.upperBound && bytes[end] != .pipe {
                let escapedPipe =
                    bytes[end] == .backslash && end + 1 < line.upperBound
                    && bytes[end + 1] == .pipe
                end += escapedPipe ? 2 : 1
            }
            if end < line.upperBound {
                cells.append(index..<end)
                index = end + 1
            } else {
                if !bytes[index..<end].allSatisfy(\.isCellSpace) {
                    cells.append(index..<end)
                }
                break
            }
        }
        return cells
    }

    /// A delimiter cell's alignment, or nil when it is not `:?-+:?` between spaces.
    private static func alignment(of cell: ArraySlice<UInt8>) -> MarkdownNode.TableAlignment? {
        let marker = cell.drop { $0.isCellSpace }.reversed().drop { $0.isCellSpace }.reversed()
        let left = marker.first == .colon
        let right = marker.count > (left ? 1 : 0) && marker.last == .colon
        let dashes = marker.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == .dash }) else { return nil }
        return switch (left, right) {
        case (true, true): .center
        case (true, false): .left
        case (false, true): .right
        case (false, false): MarkdownNode.TableAlignment.none
        }
    }

    private static func cell(_ range: Range<Int>, in text: SourceText) -> Cell {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if text.bytes[index] == .backslash && index + 1 < range.upperBound
                && text.bytes[index + 1] == .pipe
            {
                index += 1
            }
            bytes.append(text.bytes[index])
            offsets.append(index)
            index += 1
        }
        let leading = bytes.prefix { $0.isCellSpace }.count
        let trailing = bytes.dropFirst(leading).reversed().prefix { $0.isCellSpace }.count
        bytes = Array(bytes[leading..<(bytes.count - trailing)])
        offsets = Array(offsets[leading..<(offsets.count - trailing)])
        offsets.append((offsets.last.map { $0 + 1 }) ?? range.lowerBound)
        let start = text.position(of: range.lowerBound)
        return Cell(
            text: String(decoding: bytes, as: UTF8.self), offsets: offsets,
            range: SourceRange(
                start: start,
                end: SourcePosition(line: start.line, column: start.column + range.count - 1)))
    }
}

extension PipeTable.Cell {
    /// An inline node of the cell with its range moved from the cell's text to the source.
    fileprivate func placing(_ node: MarkdownNode, in text: SourceText) -> MarkdownNode {
        var node = node
        if let range = node.range {
            node.range = SourceRange(
                start: position(ofColumn: range.start.column, in: text),
                end: position(ofColumn: range.end.column, in: text))
        }
        node.children = node.children.map { placing($0, in: text) }
        return node
    }

    private func position(ofColumn column: Int, in text: SourceText) -> SourcePosition {
        text.position(of: offsets[max(0, min(column - 1, offsets.count - 1))])
    }
}

extension UInt8 {
    fileprivate static let pipe = UInt8(ascii: "|")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let dash = UInt8(ascii: "-")

    /// What cmark-gfm trims from a cell: ASCII whitespace.
    fileprivate var isCellSpace: Bool { self == .space || (0x09...0x0D).contains(self) }

    fileprivate var isMarkerOrIndent: Bool {
        self == .space || self == .tab || self == UInt8(ascii: ">")
    }
}
