import CCmark

/// The one bridge to the cmark C library: parse Markdown into `MarkdownNode` values.
///
/// Parsing reads the C tree once, turns it into Swift values and frees the C memory before
/// returning, so nothing outside this file sees a cmark pointer. Raw HTML is kept
/// (`CMARK_OPT_UNSAFE`) and every node carries its source position (`CMARK_OPT_SOURCEPOS`).
enum CommonMark {
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE

    /// Parses CommonMark source into a `.document` node.
    static func parse(_ source: String) -> MarkdownNode {
        let text = SourceText(source)
        let root = text.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parse_document(characters.baseAddress, characters.count, parseOptions)
            }
        }
        guard let root else { return MarkdownNode(.document) }
        defer { cmark_node_free(root) }
        return node(from: root, in: text) ?? MarkdownNode(.document)
    }

    /// cmark's own HTML for `source`, the reference that `HTMLRenderer` must match.
    ///
    /// Raw HTML is kept as in `parse`. Source positions become `data-sourcepos` attributes
    /// only when `sourcePositions` is set, since that option changes the HTML itself.
    static func referenceHTML(_ source: String, sourcePositions: Bool = false) -> String {
        let options = CMARK_OPT_UNSAFE | (sourcePositions ? CMARK_OPT_SOURCEPOS : 0)
        let bytes = Array(source.utf8)
        let html = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_markdown_to_html(characters.baseAddress, characters.count, options)
            }
        }
        guard let html else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
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

    private static func kind(
        of pointer: OpaquePointer, range: SourceRange?, in text: SourceText
    ) -> MarkdownNode.Kind? {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return list(pointer)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(pointer))
            let literal = literal(pointer)
            let fenced = isFenced(info: info, literal: literal, start: range?.start, in: text)
            return .codeBlock(info: info, literal: literal, fenced: fenced)
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

    /// Whether a code block was fenced; cmark 0.30 has no getter for this, so read the source.
    ///
    /// A fenced block starts at its fence; an indented one starts at its first content line,
    /// which may itself look like a fence, but then the literal begins with that very line.
    private static func isFenced(
        info: String, literal: String, start: SourcePosition?, in text: SourceText
    ) -> Bool {
        if !info.isEmpty { return true }
        guard let start else { return false }
        let line = text.content(ofLine: start.line)
        let opening = min(max(text.offset(of: start), line.lowerBound), line.upperBound)
        let rest = text.bytes[opening..<line.upperBound]
        guard let fence = rest.first, fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~"),
            rest.prefix(3).allSatisfy({ $0 == fence })
        else { return false }
        let firstLiteralLine = literal.utf8.prefix { $0 != .lineFeed && $0 != .carriageReturn }
        return
            !(literal.utf8.count > firstLiteralLine.count && firstLiteralLine.elementsEqual(rest))
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
