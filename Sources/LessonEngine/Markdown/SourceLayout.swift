/// Which source lines hold what, read from a first cmark parse of the raw source: where math
/// may be looked for, and how far each line's container markers reach.
struct SourceLayout {
    /// Lines inside code blocks, HTML blocks and thematic breaks: never scanned for math.
    private var opaqueLines: Set<Int> = []
    /// The lines of each heading; a heading is scanned on its own, never with its neighbours.
    private var headingLines: [ClosedRange<Int>] = []
    /// The lines of tables: each row is scanned on its own, since a formula cannot cross
    /// from one row into the next.
    private var tableLines: Set<Int> = []
    /// The column where a paragraph's or heading's text starts, for each of its lines.
    private var contentColumns: [Int: Int] = [:]

    init(_ document: MarkdownNode) {
        visit(document)
    }

    private mutating func visit(_ node: MarkdownNode) {
        switch node.kind {
        case .codeBlock, .htmlBlock, .thematicBreak:
            if let range = node.range {
                opaqueLines.formUnion(range.lines)
            }
        case .table:
            if let range = node.range {
                tableLines.formUnion(range.lines)
            }
        case .paragraph, .heading:
            guard let range = node.range else { return }
            if case .heading = node.kind {
                headingLines.append(range.lines)
            }
            for line in range.lines {
                contentColumns[line] = range.start.column
            }
        default:
            for child in node.children {
                visit(child)
            }
        }
    }

    /// How many bytes of a math continuation line are container markers (block-quote `>`s
    /// and indentation), to be kept for cmark and left out of the TeX.
    ///
    /// The markers reach at most to where the text starts on the line that opened the
    /// formula: the lines after it continue that paragraph, whatever a parse of the raw
    /// TeX made of them (`  + c` alone would be a list item).
    func containerPrefixLength(ofLine line: Int, openedOn openingLine: Int, in text: SourceText)
        -> Int
    {
        let limit = (contentColumns[openingLine] ?? 1) - 1
        let content = text.content(ofLine: line)
        var length = 0
        while length < limit && length < content.count {
            let byte = text.bytes[content.lowerBound + length]
            guard byte == .space || byte == .tab || byte == UInt8(ascii: ">") else { break }
            length += 1
        }
        return length
    }

    /// The stretches of source that may hold math: runs of lines that are not blank, not in
    /// a code or HTML block, with each heading and each table row a stretch of its own. No
    /// formula crosses the end of a stretch, so an unclosed `$$` cannot swallow the rest of
    /// the file.
    func mathRegions(in text: SourceText) -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var current: Range<Int>? = nil
        for line in 1...text.lineCount {
            let content = text.content(ofLine: line)
            let heading = headingLines.first { $0.contains(line) }
            let isTableRow = tableLines.contains(line)
            let isBlank = text.bytes[content].allSatisfy {
                $0 == .space || $0 == .tab || $0 == UInt8(ascii: ">")
            }
            if opaqueLines.contains(line) || isBlank || heading?.lowerBound == line || isTableRow {
                current.map { regions.append($0) }
                current = nil
            }
            if !opaqueLines.contains(line) && !isBlank {
                current = (current?.lowerBound ?? content.lowerBound)..<content.upperBound
            }
            if heading?.upperBound == line || isTableRow {
                current.map { regions.append($0) }
                current = nil
            }
        }
        current.map { regions.append($0) }
        return regions
    }
}
