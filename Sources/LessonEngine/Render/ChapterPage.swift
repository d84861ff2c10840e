/// A chapter's page body: its Markdown with formulas typeset and numbered, `@eq:` references
/// linked, headings given permalinks and the article's titles, and every Swift block shown
/// by `CellRenderer`.
struct ChapterPage {
    var chapter: Chapter
    /// The run's results, by block id (empty for `lessons render`).
    var results: [Int: BlockResult]
    var formulas: FormulaCatalog
    var math: MathCatalog
    /// Links the names in code blocks to the API reference; nil for a site without one.
    var linker: CodeLinker? = nil

    /// The `<article>` content; throws on a reference to a label no formula has.
    func body() throws(LessonError) -> String {
        var rewriter = Rewriter(page: self)
        let root = try rewriter.rewrite(chapter.document.root, line: 1, asBlock: false)
        return HTMLRenderer().render(root)
    }

    /// The page's sections, for the outline: anchor and label.
    var outline: [(anchor: String, label: String, level: Int)] {
        chapter.sections.map { ("section-\($0.id)", "\($0.id) \($0.title)", $0.level) }
    }
}

extension ChapterPage {
    /// Rewrites the Markdown tree into one whose special parts are raw HTML.
    fileprivate struct Rewriter {
        let page: ChapterPage
        var cells: CellRenderer

        init(page: ChapterPage) {
            self.page = page
            self.cells = CellRenderer(page: page)
        }

        /// The node rewritten; `asBlock` is set for children of the document, quotes and
        /// list items, where a display formula stands as a block of its own.
        mutating func rewrite(_ node: MarkdownNode, line: Int, asBlock: Bool) throws(LessonError)
            -> MarkdownNode
        {
            let line = node.range?.start.line ?? line
            var node = node
            switch node.kind {
            case .math(let tex, let display, _):
                return MarkdownNode(
                    display && asBlock
                        ? .htmlBlock(equation(node, tex: tex))
                        : .htmlInline(inlineMath(tex, display: display)),
                    range: node.range)
            case .text(let text) where text.contains("@eq:"):
                return MarkdownNode(.htmlInline(try references(in: text, line: line)))
            case .codeBlock(let info, _, true):
                let language = InfoString.words(info).language
                if let block = page.chapter.blocks.first(where: { $0.startLine == line }) {
                    return MarkdownNode(.htmlBlock(cells.render(block)), range: node.range)
                }
                if language == "output" { return MarkdownNode(.htmlBlock("")) }
                return node
            default:
                break
            }
            var children: [MarkdownNode] = []
            let containsBlocks: Bool
            switch node.kind {
            case .document, .blockQuote, .item: containsBlocks = true
            default: containsBlocks = false
            }
            for child in node.children {
                children.append(try rewrite(child, line: line, asBlock: containsBlocks))
            }
            node.children = children
            if case .heading(let level) = node.kind {
                return MarkdownNode(.htmlBlock(heading(node, level: level)), range: node.range)
            }
            return node
        }

        private func inlineMath(_ tex: String, display: Bool) -> String {
            let style = display ? "display" : "inline"
            guard let html = page.math.html(tex: tex, display: display) else {
                let (open, close) = display ? ("\\[", "\\]") : ("\\(", "\\)")
                return
                    "<span class=\"math \(style)\">\(open)\(HTMLEscaping.escape(tex))\(close)</span>"
            }
            return "<span class=\"math \(style)\">\(html)</span>"
        }

        /// A numbered display formula with a badge linking to the block that verifies it.
        private func equation(_ node: MarkdownNode, tex: String) -> String {
            let line = node.range?.start.line ?? 0
            let entry = page.formulas.entry(in: page.chapter, line: line)
            let anchor = entry.map { " id=\"\(HTMLEscaping.escape($0.anchor))\"" } ?? ""
            let rendered =
                page.math.html(tex: tex, display: true)
                ?? "\\[\(HTMLEscaping.escape(tex))\\]"
            var html = "<div class=\"equation\"\(anchor)>\n"
            html += "<div class=\"math display\">\(rendered)</div>\n"
            if let entry {
                html += "<span class=\"equation-number\">(\(entry.number))</span>\n"
                html += badge(entry)
            }
            return html + "</div>\n"
        }

        private func badge(_ entry: FormulaCatalog.Entry) -> String {
            guard let blockID = entry.formula.verifiedBy else {
                return "<span class=\"badge unverified\">not verified</span>\n"
            }
            let state = page.state(of: blockID)
            return "<a class=\"badge \(state.cssClass)\" href=\"#block-\(blockID)\" "
                + "title=\"Verified by the code below: \(state.word)\">\(state.symbol) verified "
                + "by code</a>\n"
        }

        /// Text with each `@eq:label` replaced by a link to the numbered formula.
        private func references(in text: String, line: Int) throws(LessonError) -> String {
            var html = ""
            var rest = Substring(text)
            while let at = rest.range(of: "@eq:") {
                html += HTMLEscaping.escape(String(rest[..<at.lowerBound]))
                let nameEnd =
                    rest[at.upperBound...].firstIndex {
                        !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")
                    } ?? rest.endIndex
                let label = "eq:" + rest[at.upperBound..<nameEnd]
                guard let entry = page.formulas.entry(label: label, preferring: page.chapter)
                else {
                    throw LessonError.source(
                        file: page.chapter.file, line: line,
                        message: "@\(label) refers to no labelled formula "
                            + "(label one with $$ … $$ {#\(label)})")
                }
                let target = entry.chapter.id == page.chapter.id ? "#\(entry.anchor)" : entry.link
                html +=
                    "<a class=\"eqref\" href=\"\(HTMLEscaping.escape(target))\">(\(entry.number))</a>"
                rest = rest[nameEnd...]
            }
            return html + HTMLEscaping.escape(String(rest))
        }

        /// A heading with a stable id from its section number, a permalink, and the
        /// article's own title beside ours.
        private func heading(_ node: MarkdownNode, level: Int) -> String {
            let inner = node.children.map { HTMLRenderer().render($0) }.joined()
            let section = Section.parse(
                heading: node.plainText, level: level, line: node.range?.start.line ?? 0)
            let anchor: String
            if let section, level > 1 {
                anchor = "section-\(section.id)"
            } else if level == 1 {
                anchor = "top"
            } else {
                anchor = Self.slug(node.plainText)
            }
            var title = inner
            var original = ""
            if let split = inner.range(of: " · ") {
                title = String(inner[..<split.lowerBound])
                original =
                    " <span class=\"original\" lang=\"zh\">\(inner[split.upperBound...])</span>"
            }
            if let section, title.hasPrefix(section.id) {
                let rest = title.dropFirst(section.id.count).drop { $0 == "." || $0 == " " }
                title = "<span class=\"section-number\">\(section.id)</span> \(rest)"
            }
            return "<h\(level) id=\"\(anchor)\">\(title)\(original)"
                + "<a class=\"permalink\" href=\"#\(anchor)\" aria-label=\"Link to this section\">#</a>"
                + "</h\(level)>\n"
        }

        static func slug(_ text: String) -> String {
            let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
            return words.isEmpty ? "heading" : words.joined(separator: "-")
        }
    }
}

extension ChapterPage {
    /// How a block fared in the build, as the page shows it.
    struct BlockState {
        var cssClass: String
        var symbol: String
        var word: String
    }

    func state(of blockID: Int) -> BlockState {
        guard let result = results[blockID] else {
            return BlockState(cssClass: "not-run", symbol: "○", word: "not run")
        }
        return result.passed
            ? BlockState(cssClass: "passed", symbol: "✓", word: "passed")
            : BlockState(cssClass: "failed", symbol: "✗", word: "failed")
    }
}
