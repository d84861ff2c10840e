import CCmark
import Foundation

/// The one bridge to cmark, the CommonMark reference implementation: parse Markdown into
/// `MarkdownNode` values.
///
/// Parsing reads the C tree once, turns it into Swift values and frees the C memory before
/// returning, so nothing outside this file sees a cmark pointer. Raw HTML is kept
/// (`CMARK_OPT_UNSAFE`) and every node carries its source position (`CMARK_OPT_SOURCEPOS`).
/// cmark keeps no global state, so parses may run on any number of threads at once.
///
/// cmark knows no tables: a paragraph whose lines form a GitHub pipe table becomes a
/// `.table` here (see `PipeTable`), its cells' inlines parsed by cmark like a paragraph's.
enum CommonMark {
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE

    /// Parses CommonMark source into a `.document` node, pipe tables included.
    static func parse(_ source: String) -> MarkdownNode {
        let text = SourceText(source)
        let root =
            withDocument(source) { root in
                node(from: root, in: text) ?? MarkdownNode(.document)
            } ?? MarkdownNode(.document)
        return PipeTable.replacingTables(in: root, text: text) { cells in
            inlines(ofCells: cells, references: source)
        }
    }

    /// cmark's own HTML for `source` (`cmark_markdown_to_html`, raw HTML kept): the reference
    /// that `HTMLRenderer` must match wherever no math or table is involved.
    ///
    /// Source positions become `data-sourcepos` attributes only when `sourcePositions` is
    /// set, since that option changes the HTML itself.
    static func referenceHTML(_ source: String, sourcePositions: Bool = false) -> String {
        let options = CMARK_OPT_UNSAFE | (sourcePositions ? CMARK_OPT_SOURCEPOS : 0)
        let bytes = Array(source.utf8)
        let html = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_markdown_to_html(characters.baseAddress, characters.count, options)
            }
        }
        guard let html else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The inline content of each cell text, parsed as cmark parses a paragraph's, with the
    /// link reference definitions of `references`.
    ///
    /// Each text is one line. The inlines' ranges are on line 1, column 1 being the text's
    /// first byte. The texts go into one document, one paragraph each, every one led by a
    /// `.` so that no text can start a block (`# a`, `- a`, `> a`) and the `.` is dropped
    /// again. A `.` flanks emphasis as the start of a line does, so `*a*` keeps its emphasis.
    private static func inlines(ofCells cells: [String], references: String) -> [[MarkdownNode]] {
        let source = cells.map { "." + $0 }.joined(separator: "\n\n") + "\n\n" + references
        let text = SourceText(source)
        let paragraphs: [MarkdownNode] =
            withDocument(source) { root in
                var paragraphs: [MarkdownNode] = []
                var child = cmark_node_first_child(root)
                while let current = child, paragraphs.count < cells.count {
                    paragraphs.append(node(from: current, in: text) ?? MarkdownNode(.paragraph))
                    child = cmark_node_next(current)
                }
                return paragraphs
            } ?? []
        return cells.indices.map { index -> [MarkdownNode] in
            guard index < paragraphs.count, case .paragraph = paragraphs[index].kind else {
                return cells[index].isEmpty ? [] : [MarkdownNode(.text(cells[index]))]
            }
            let lineShift = 2 * index
            var inlines = paragraphs[index].children.map {
                shifting($0, lines: -lineShift, columns: -1)
            }
            if case .text(let first) = inlines.first?.kind {
                let rest = String(decoding: first.utf8.dropFirst(), as: UTF8.self)
                if rest.isEmpty {
                    inlines.removeFirst()
                } else {
                    inlines[0].kind = .text(rest)
                    inlines[0].range?.start.column += 1
                }
            }
            return inlines
        }
    }

    private static func shifting(_ node: MarkdownNode, lines: Int, columns: Int) -> MarkdownNode {
        var node = node
        node.range?.start.line += lines
        node.range?.end.line += lines
        node.range?.start.column += columns
        node.range?.end.column += columns
        node.children = node.children.map { shifting($0, lines: lines, columns: columns) }
        return node
    }

    /// Parses `source` and hands `body` the document; frees it afterwards. Nil when cmark
    /// could not allocate.
    private static func withDocument<Result>(
        _ source: String, _ body: (OpaquePointer) -> Result
    ) -> Result? {
        guard let parser = cmark_parser_new(parseOptions) else { return nil }
        defer { cmark_parser_free(parser) }
        let bytes = Array(source.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// Converts a cmark node and its subtree; nil for kinds the parser never produces.
    private static func node(from pointer: OpaquePointer, in text: SourceText) -> MarkdownNode? {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            if let converted = node(from: current, in: text) {
                children.append(converted)
            }
            child = cmark_node_next(current)
        }
        let range = range(of: pointer)
        guard let kind = kind(of: pointer, range: range, in: text) else { return nil }
        return MarkdownNode(kind, children: children, range: range)
    }

    private static func kind(of pointer: OpaquePointer, range: SourceRange?, in text: SourceText)
        -> MarkdownNode.Kind?
    {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return list(pointer)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(pointer))
            let literal = literal(pointer)
            return .codeBlock(
                info: info, literal: literal,
                fenced: isFenced(info: info, literal: literal, range: range, in: text))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(pointer))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal(pointer))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(pointer))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(pointer))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: destination(pointer), title: title(pointer))
        case CMARK_NODE_IMAGE:
            return .image(destination: destination(pointer), title: title(pointer))
        default: return nil  // custom blocks and inlines: only built by hand, never parsed
        }
    }

    /// Whether a code block was fenced (as opposed to indented); cmark 0.30 keeps this to
    /// itself, so it is read from the source.
    ///
    /// A fenced block starts at its fence; an indented one starts at its first line's text,
    /// which may look like a fence (`    ```` ` `), but then that line is the start of its
    /// literal, which a fenced block's never is: its opening line is not content, and a
    /// content line equal to a bare opening fence would have closed the block.
    private static func isFenced(
        info: String, literal: String, range: SourceRange?, in text: SourceText
    ) -> Bool {
        guard let range else { return !info.isEmpty }
        let lineEnd = text.content(ofLine: range.start.line).upperBound
        let start = min(text.offset(of: range.start), lineEnd)
        let firstLine = text.bytes[start..<lineEnd]
        guard let fenceCharacter = firstLine.first,
            fenceCharacter == UInt8(ascii: "`") || fenceCharacter == UInt8(ascii: "~"),
            firstLine.prefix(while: { $0 == fenceCharacter }).count >= 3
        else { return false }
        return !info.isEmpty || !literal.utf8.starts(with: firstLine)
    }

    private static func list(_ pointer: OpaquePointer) -> MarkdownNode.Kind {
        let delimiter: MarkdownNode.ListDelimiter =
            switch cmark_node_get_list_delim(pointer) {
            case CMARK_PERIOD_DELIM: .period
            case CMARK_PAREN_DELIM: .parenthesis
            default: .none
            }
        return .list(
            ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
            start: Int(cmark_node_get_list_start(pointer)),
            tight: cmark_node_get_list_tight(pointer) != 0,
            delimiter: delimiter
        )
    }

    /// The node's source range, or nil where cmark recorded none (line 0).
    private static func range(of pointer: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(pointer))
        guard startLine > 0 else { return nil }
        return SourceRange(
            start: SourcePosition(
                line: startLine, column: Int(cmark_node_get_start_column(pointer))),
            end: SourcePosition(
                line: Int(cmark_node_get_end_line(pointer)),
                column: Int(cmark_node_get_end_column(pointer))
            )
        )
    }

    private static func literal(_ pointer: OpaquePointer) -> String {
        string(cmark_node_get_literal(pointer))
    }

    private static func destination(_ pointer: OpaquePointer) -> String {
        string(cmark_node_get_url(pointer))
    }

    private static func title(_ pointer: OpaquePointer) -> String {
        string(cmark_node_get_title(pointer))
    }

    private static func string(_ characters: UnsafePointer<CChar>?) -> String {
        characters.map { String(cString: $0) } ?? ""
    }
}
