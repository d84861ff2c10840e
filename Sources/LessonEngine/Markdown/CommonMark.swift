import CCmark
import Foundation

/// The one bridge to the cmark-gfm C library: parse Markdown into `MarkdownNode` values.
///
/// Parsing reads the C tree once, turns it into Swift values and frees the C memory before
/// returning, so nothing outside this file sees a cmark pointer. Raw HTML is kept
/// (`CMARK_OPT_UNSAFE`) and every node carries its source position (`CMARK_OPT_SOURCEPOS`).
///
/// One parse at a time: cmark-gfm 0.29 keeps the table of characters that start an inline
/// in a global, and every parser adds its extensions' characters (strikethrough's `~`) when
/// it parses inlines and removes them when it is done, so a parse running beside another
/// could miss `~~struck~~`.
enum CommonMark {
    private static let lock = NSLock()

    /// Strikethrough needs two tildes, so that a lone `~` (as in "~3 ms") stays a tilde; a
    /// table cell's alignment is a `style` attribute rather than HTML's obsolete `align`.
    private static let extensionOptions =
        CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | extensionOptions

    /// The GitHub extensions every parse attaches, by cmark-gfm's names for them. Not
    /// `autolink` (bare URLs stay text) nor `tagfilter` (raw HTML is the author's).
    static let extensionNames = ["table", "strikethrough"]

    /// The node types of the extensions, which cmark-gfm assigns when it registers them.
    private struct ExtensionTypes: Sendable {
        var table: cmark_node_type
        var tableRow: cmark_node_type
        var tableCell: cmark_node_type
        var strikethrough: cmark_node_type
    }

    /// Registers cmark-gfm's core extensions once, before the first parser looks them up
    /// (the registration itself is not safe to run from two threads at once).
    private static let extensionTypes: ExtensionTypes = {
        cmark_gfm_core_extensions_ensure_registered()
        return ExtensionTypes(
            table: lessons_cmark_node_table(), tableRow: lessons_cmark_node_table_row(),
            tableCell: lessons_cmark_node_table_cell(),
            strikethrough: lessons_cmark_node_strikethrough())
    }()

    /// Parses CommonMark source into a `.document` node.
    static func parse(_ source: String) -> MarkdownNode {
        let text = SourceText(source)
        return withDocument(source, options: parseOptions) { root, _ in
            node(from: root, in: text) ?? MarkdownNode(.document)
        } ?? MarkdownNode(.document)
    }

    /// cmark-gfm's own HTML for `source`, with the same extensions as `parse`: the reference
    /// that `HTMLRenderer` must match.
    ///
    /// Raw HTML is kept as in `parse`. Source positions become `data-sourcepos` attributes
    /// only when `sourcePositions` is set, since that option changes the HTML itself.
    static func referenceHTML(_ source: String, sourcePositions: Bool = false) -> String {
        let options =
            CMARK_OPT_UNSAFE | extensionOptions | (sourcePositions ? CMARK_OPT_SOURCEPOS : 0)
        return withDocument(source, options: options) { root, extensions in
            guard let html = cmark_render_html(root, options, extensions) else { return "" }
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return String(cString: html)
        } ?? ""
    }

    /// Parses `source` with the extensions attached and hands `body` the document and the
    /// parser's extension list; frees both afterwards. Nil when cmark could not allocate.
    private static func withDocument<Result>(
        _ source: String, options: Int32,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result? {
        _ = extensionTypes
        lock.lock()
        defer { lock.unlock() }
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntax = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no \(name) extension")
            }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        let bytes = Array(source.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
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
        guard let kind = kind(of: pointer) else { return nil }
        return MarkdownNode(
            kind, children: repairingInterruptedTables(children, in: text), range: range)
    }

    /// Puts back the lines cmark-gfm 0.29 loses when a table interrupts a paragraph (a
    /// header row on the line right after prose): it gives the table, its header row and
    /// the header's cells and inlines the paragraph's first line, and the paragraph before
    /// the table no position at all. The header row is the line above the delimiter row, so
    /// the header's lines move there and the paragraph gets the lines before it (its inlines
    /// lose their positions, which cmark-gfm got wrong too). Header columns stay as
    /// cmark-gfm reports them.
    private static func repairingInterruptedTables(
        _ blocks: [MarkdownNode], in text: SourceText
    ) -> [MarkdownNode] {
        var blocks = blocks
        for index in blocks.indices {
            guard case .table = blocks[index].kind, let tableRange = blocks[index].range,
                let headerStart = blocks[index].children.first?.range?.start
            else { continue }
            let rows = blocks[index].children
            let delimiterLine =
                rows.count > 1
                ? (rows[1].range?.start.line ?? tableRange.end.line) - 1 : tableRange.end.line
            let headerLine = delimiterLine - 1
            let shift = headerLine - headerStart.line
            guard shift > 0 else { continue }
            blocks[index].children[0] = shiftingLines(of: rows[0], by: shift)
            blocks[index].range?.start.line = headerLine
            guard index > 0, case .paragraph = blocks[index - 1].kind,
                blocks[index - 1].range == nil
            else { continue }
            let lastLine = text.content(ofLine: headerLine - 1)
            let lastColumn = text.position(of: max(lastLine.lowerBound, lastLine.upperBound - 1))
            blocks[index - 1] = withoutRanges(blocks[index - 1])
            blocks[index - 1].range = SourceRange(
                start: tableRange.start,
                end: SourcePosition(line: headerLine - 1, column: lastColumn.column))
        }
        return blocks
    }

    private static func shiftingLines(of node: MarkdownNode, by shift: Int) -> MarkdownNode {
        var node = node
        node.range?.start.line += shift
        node.range?.end.line += shift
        node.children = node.children.map { shiftingLines(of: $0, by: shift) }
        return node
    }

    private static func withoutRanges(_ node: MarkdownNode) -> MarkdownNode {
        var node = node
        node.range = nil
        node.children = node.children.map(withoutRanges)
        return node
    }

    private static func kind(of pointer: OpaquePointer) -> MarkdownNode.Kind? {
        let extensions = extensionTypes
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return list(pointer)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(pointer))
            return .codeBlock(info: info, literal: literal(pointer), fenced: isFenced(pointer))
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
        case extensions.table: return .table
        case extensions.tableRow:
            return .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(pointer) != 0)
        case extensions.tableCell: return .tableCell(alignment: alignment(ofCell: pointer))
        case extensions.strikethrough: return .strikethrough
        default: return nil  // custom blocks and inlines: only built by hand, never parsed
        }
    }

    /// A cell's alignment: its column's, found by its place in its row.
    private static func alignment(ofCell cell: OpaquePointer) -> MarkdownNode.TableAlignment {
        guard let table = cmark_node_parent(cmark_node_parent(cell)),
            let alignments = cmark_gfm_extensions_get_table_alignments(table)
        else { return .none }
        var column = 0
        var previous = cmark_node_previous(cell)
        while let sibling = previous {
            column += 1
            previous = cmark_node_previous(sibling)
        }
        guard column < Int(cmark_gfm_extensions_get_table_columns(table)) else { return .none }
        return switch alignments[column] {
        case UInt8(ascii: "l"): .left
        case UInt8(ascii: "c"): .center
        case UInt8(ascii: "r"): .right
        default: .none
        }
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

    /// Whether a code block was fenced (as opposed to indented).
    private static func isFenced(_ pointer: OpaquePointer) -> Bool {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
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
