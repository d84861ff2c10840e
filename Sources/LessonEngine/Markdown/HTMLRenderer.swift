/// Renders a `MarkdownNode` tree to HTML, byte for byte as cmark's renderer would, and
/// tables as cmark-gfm's table extension did.
///
/// Two more things go beyond cmark. Math nodes become elements for a client-side renderer
/// (KaTeX auto-render): `<span class="math inline">\(…\)</span>` inline, and
/// `<div class="math display" id="label">\[…\]</div>` for a display formula standing as a
/// block (a display formula inside a paragraph is a `<span class="math display">`). And a
/// `codeBlock` closure may take over the rendering of any code block.
struct HTMLRenderer {
    /// Renders a code block instead of cmark when it returns a string, inserted verbatim at
    /// the start of a line; when it returns nil the block renders as cmark renders it.
    var codeBlock: ((MarkdownNode) -> String?)?
    /// Whether block elements carry `data-sourcepos` attributes, like cmark's
    /// `CMARK_OPT_SOURCEPOS`.
    var sourcePositions: Bool

    init(sourcePositions: Bool = false, codeBlock: ((MarkdownNode) -> String?)? = nil) {
        self.sourcePositions = sourcePositions
        self.codeBlock = codeBlock
    }

    /// The HTML for a node and everything under it.
    func render(_ node: MarkdownNode) -> String {
        var html = ""
        if isInline(node.kind) {
            renderInline(node, into: &html)
        } else {
            renderBlock(node, tight: false, into: &html)
        }
        return html
    }

    /// Renders a block; `tight` is set for the children of an item in a tight list, whose
    /// paragraphs go without `<p>`.
    private func renderBlock(_ node: MarkdownNode, tight: Bool, into html: inout String) {
        switch node.kind {
        case .document:
            renderBlocks(node.children, into: &html)
        case .blockQuote:
            html.startLine()
            html += "<blockquote\(attributes(node))>\n"
            renderBlocks(node.children, into: &html)
            html.startLine()
            html += "</blockquote>\n"
        case .list(let ordered, let start, let isTight, _):
            html.startLine()
            if !ordered {
                html += "<ul\(attributes(node))>\n"
            } else if start == 1 {
                html += "<ol\(attributes(node))>\n"
            } else {
                html += "<ol start=\"\(start)\"\(attributes(node))>\n"
            }
            for item in node.children {
                renderBlock(item, tight: isTight, into: &html)
            }
            html += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            html.startLine()
            html += "<li\(attributes(node))>"
            renderBlocks(node.children, tight: tight, into: &html)
            html += "</li>\n"
        case .heading(let level):
            html.startLine()
            html += "<h\(level)\(attributes(node))>"
            renderInlines(node.children, into: &html)
            html += "</h\(level)>\n"
        case .codeBlock(let info, let literal, let fenced):
            html.startLine()
            if let replacement = codeBlock?(node) {
                html += replacement
                return
            }
            html += "<pre\(attributes(node))><code"
            if fenced && !info.isEmpty {
                html += " class=\"language-\(HTMLEscaping.escape(firstWord(of: info)))\""
            }
            html += ">\(HTMLEscaping.escape(literal))</code></pre>\n"
        case .htmlBlock(let literal):
            html.startLine()
            html += literal
            html.startLine()
        case .paragraph where tight:
            renderInlines(node.children, into: &html)
        case .paragraph:
            html.startLine()
            html += "<p\(attributes(node))>"
            renderInlines(node.children, into: &html)
            html += "</p>\n"
        case .thematicBreak:
            html.startLine()
            html += "<hr\(attributes(node)) />\n"
        case .table:
            renderTable(node, into: &html)
        case .tableRow(let header):
            renderRow(node, header: header, into: &html)
        case .tableCell:
            renderCell(node, header: false, into: &html)
        case .math(let tex, true, let label):
            html.startLine()
            let id = label.map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? ""
            html += "<div class=\"math display\"\(id)>\\[\(HTMLEscaping.escape(tex))\\]</div>\n"
        default:
            renderInline(node, into: &html)
        }
    }

    private func renderBlocks(
        _ blocks: [MarkdownNode], tight: Bool = false, into html: inout String
    ) {
        for block in blocks {
            renderBlock(block, tight: tight, into: &html)
        }
    }

    /// A table as cmark-gfm's table extension wrote it: the header row in `<thead>`, the
    /// other rows in a `<tbody>` opened by the first of them, and a column's alignment as a
    /// `style` on each of its cells (its `CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES`).
    private func renderTable(_ table: MarkdownNode, into html: inout String) {
        html.startLine()
        html += "<table\(attributes(table))>"
        var bodyOpen = false
        for row in table.children {
            let header = row.kind == .tableRow(header: true)
            html.startLine()
            if header {
                html += "<thead>"
                html.startLine()
            } else if !bodyOpen {
                html += "<tbody>"
                html.startLine()
                bodyOpen = true
            }
            renderRow(row, header: header, into: &html)
            if header {
                html.startLine()
                html += "</thead>"
            }
        }
        if bodyOpen {
            html.startLine()
            html += "</tbody>"
            html.startLine()
        }
        html.startLine()
        html += "</table>"
        html.startLine()
    }

    /// A row's `<tr>`; a header row's cells are `<th>`.
    private func renderRow(_ row: MarkdownNode, header: Bool, into html: inout String) {
        html.startLine()
        html += "<tr\(attributes(row))>"
        for cell in row.children {
            renderCell(cell, header: header, into: &html)
        }
        html.startLine()
        html += "</tr>"
    }

    private func renderCell(_ cell: MarkdownNode, header: Bool, into html: inout String) {
        let tag = header ? "th" : "td"
        html.startLine()
        html += "<\(tag)"
        if case .tableCell(let alignment) = cell.kind {
            switch alignment {
            case .none: break
            case .left: html += " style=\"text-align: left\""
            case .center: html += " style=\"text-align: center\""
            case .right: html += " style=\"text-align: right\""
            }
        }
        html += "\(attributes(cell))>"
        renderInlines(cell.children, into: &html)
        html += "</\(tag)>"
    }

    private func renderInline(_ node: MarkdownNode, into html: inout String) {
        switch node.kind {
        case .text(let literal):
            html += HTMLEscaping.escape(literal)
        case .softBreak:
            html += "\n"
        case .lineBreak:
            html += "<br />\n"
        case .code(let literal):
            html += "<code>\(HTMLEscaping.escape(literal))</code>"
        case .htmlInline(let literal):
            html += literal
        case .emphasis:
            html += "<em>"
            renderInlines(node.children, into: &html)
            html += "</em>"
        case .strong:
            html += "<strong>"
            renderInlines(node.children, into: &html)
            html += "</strong>"
        case .link(let destination, let title):
            html += "<a href=\"\(HTMLEscaping.escapeURL(destination))\"\(titleAttribute(title))>"
            renderInlines(node.children, into: &html)
            html += "</a>"
        case .image(let destination, let title):
            html += "<img src=\"\(HTMLEscaping.escapeURL(destination))\" alt=\""
            for child in node.children {
                renderPlain(child, into: &html)
            }
            html += "\"\(titleAttribute(title)) />"
        case .math(let tex, let display, let label):
            let id = label.map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? ""
            let (style, open, close) =
                display ? ("display", "\\[", "\\]") : ("inline", "\\(", "\\)")
            html +=
                "<span class=\"math \(style)\"\(id)>\(open)\(HTMLEscaping.escape(tex))\(close)</span>"
        default:
            renderBlock(node, tight: false, into: &html)
        }
    }

    private func renderInlines(_ inlines: [MarkdownNode], into html: inout String) {
        for inline in inlines {
            renderInline(inline, into: &html)
        }
    }

    /// Renders an image description as cmark does for `alt`: text only, breaks as spaces.
    private func renderPlain(_ node: MarkdownNode, into html: inout String) {
        switch node.kind {
        case .text(let literal), .code(let literal), .htmlInline(let literal):
            html += HTMLEscaping.escape(literal)
        case .math(let tex, _, _):
            html += HTMLEscaping.escape(tex)
        case .softBreak, .lineBreak:
            html += " "
        default:
            for child in node.children {
                renderPlain(child, into: &html)
            }
        }
    }

    private func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
    }

    /// The `data-sourcepos` attribute when asked for, in cmark's `line:column-line:column`.
    private func attributes(_ node: MarkdownNode) -> String {
        guard sourcePositions, let range = node.range else { return "" }
        let (start, end) = (range.start, range.end)
        return " data-sourcepos=\"\(start.line):\(start.column)-\(end.line):\(end.column)\""
    }

    /// The info string up to its first whitespace, the language cmark puts in the class.
    private func firstWord(of info: String) -> String {
        let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        return String(info.prefix { !whitespace.contains($0) })
    }

    private func isInline(_ kind: MarkdownNode.Kind) -> Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link,
            .image:
            return true
        case .math(_, let display, _):
            return !display
        default:
            return false
        }
    }
}

extension String {
    /// Ends the output so far with a line break unless it is empty or already ends in one,
    /// cmark's `cr()`.
    fileprivate mutating func startLine() {
        if let last = utf8.last, last != UInt8(ascii: "\n") {
            self += "\n"
        }
    }
}
