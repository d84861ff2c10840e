/// A chapter's page body: its Markdown with formulas typeset and numbered, `@eq:` references
/// linked, headings given permalinks and the article's titles, and every Swift block shown
/// by `CellRenderer`.
struct ChapterPage {
    var chapter: Chapter
    /// The run's results, by block id (empty for `lessons render`).
    var results: [Int: BlockResult]
    var formulas: FormulaCatalog
    var math: MathCatalog
    /// Every chapter's page by its Markdown file's name (`03-core-algorithms.md` →
    /// `chapter3.html`), so that links between chapter files lead to their pages.
    var chapterPages: [String: String] = [:]
    /// Links the names in code blocks to the API reference; nil for a site without one.
    var linker: CodeLinker? = nil
    /// The edition's words.
    var text = PageText.english
    /// The path from the page to the API reference: `api/`, or `../api/` from zh/.
    var apiBase = "api/"
    /// Anchors for headings by line, where they must not follow the heading's text: a
    /// translated page keeps the English page's anchors, which links point at.
    var headingAnchors: [Int: String] = [:]

    /// The `<article>` content; throws on a reference to a label no formula has.
    func body() throws(LessonError) -> String {
        var rewriter = Rewriter(page: self)
        let root = try rewriter.rewrite(
            chapter.document.root, line: 1, asBlock: false, inHeading: false)
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
        /// list items, where a display formula stands as a block of its own. Chinese runs in
        /// text are marked `lang="zh"`, except in headings, which mark the article's title
        /// as a whole.
        mutating func rewrite(_ node: MarkdownNode, line: Int, asBlock: Bool, inHeading: Bool)
            throws(LessonError) -> MarkdownNode
        {
            let line = node.range?.start.line ?? line
            var node = node
            switch node.kind {
            case .math(let tex, let display, _):
                return MarkdownNode(
                    display && asBlock
                        ? .htmlBlock(try equation(node, tex: tex, line: line))
                        : .htmlInline(try inlineMath(tex, display: display, line: line)),
                    range: node.range)
            case .text(let text) where text.contains("@eq:"):
                return MarkdownNode(.htmlInline(try references(in: text, line: line)))
            case .text(let text) where !inHeading:
                return MarkdownNode(.htmlInline(LanguageMarkup.escape(text)), range: node.range)
            case .image:
                // An image's description is its `alt` text: plain text, formulas as read.
                node.children = node.children.map(Self.plainDescription)
                return node
            case .link(let destination, let title):
                node.kind = .link(destination: pageLink(destination), title: title)
            case .codeBlock(let info, let literal, let fenced):
                let language = fenced ? String(InfoString.words(info).language) : ""
                if fenced, let block = page.chapter.blocks.first(where: { $0.startLine == line }) {
                    return MarkdownNode(.htmlBlock(cells.render(block)), range: node.range)
                }
                if language == "output" { return MarkdownNode(.htmlBlock("")) }
                return MarkdownNode(
                    .htmlBlock(Self.listing(literal, language: language)), range: node.range)
            default:
                break
            }
            var children: [MarkdownNode] = []
            let containsBlocks: Bool
            switch node.kind {
            case .document, .blockQuote, .item: containsBlocks = true
            default: containsBlocks = false
            }
            var inHeading = inHeading
            if case .heading = node.kind { inHeading = true }
            for child in node.children {
                children.append(
                    try rewrite(child, line: line, asBlock: containsBlocks, inHeading: inHeading))
            }
            node.children = children
            if case .heading(let level) = node.kind {
                return MarkdownNode(.htmlBlock(heading(node, level: level)), range: node.range)
            }
            return node
        }

        private func inlineMath(_ tex: String, display: Bool, line: Int) throws(LessonError)
            -> String
        {
            let style = display ? "display" : "inline"
            let html = try page.math.html(
                tex: tex, display: display, file: page.chapter.file, line: line)
            return "<span class=\"math \(style)\">\(html)</span>"
        }

        /// A numbered display formula with a badge linking to the block that verifies it.
        /// The formula scrolls sideways when wider than the column (the site's script marks
        /// it, and the stylesheet shows a fade at its edge); it takes keyboard focus for that.
        private func equation(_ node: MarkdownNode, tex: String, line: Int) throws(LessonError)
            -> String
        {
            let line = node.range?.start.line ?? line
            let entry = page.formulas.entry(in: page.chapter, line: line)
            let anchor = entry.map { " id=\"\(HTMLEscaping.escape($0.anchor))\"" } ?? ""
            let rendered = try page.math.html(
                tex: tex, display: true, file: page.chapter.file, line: line)
            var html = "<div class=\"equation\"\(anchor)>\n"
            html += "<div class=\"math display\" tabindex=\"0\">\(rendered)</div>\n"
            if let entry {
                html += "<span class=\"equation-number\">(\(entry.number))</span>\n"
                html += badge(entry)
            }
            return html + "</div>\n"
        }

        private func badge(_ entry: FormulaCatalog.Entry) -> String {
            guard let blockID = entry.formula.verifiedBy else {
                return "<span class=\"badge unverified\">\(page.text("not verified"))</span>\n"
            }
            let state = page.state(of: blockID)
            let title = page.text("Verified by the code below: {state}", ["state": state.word])
            return "<a class=\"badge \(state.cssClass)\" href=\"#block-\(blockID)\" "
                + "title=\"\(HTMLEscaping.escape(title))\">\(state.symbol) "
                + "\(page.text("verified by code"))</a>\n"
        }

        /// Text with each `@eq:label` replaced by a link to the numbered formula.
        private func references(in text: String, line: Int) throws(LessonError) -> String {
            var html = ""
            for piece in EquationReferences.pieces(of: text) {
                let label: String
                switch piece {
                case .text(let words):
                    html += LanguageMarkup.escape(String(words))
                    continue
                case .reference(let name):
                    label = name
                }
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
            }
            return html
        }

        /// An image description's node as plain text: formulas as a reader reads them.
        static func plainDescription(_ node: MarkdownNode) -> MarkdownNode {
            var node = node
            if case .math(let tex, _, _) = node.kind {
                return MarkdownNode(.text(TeXPlainText.text(tex)), range: node.range)
            }
            node.children = node.children.map(plainDescription)
            return node
        }

        /// A link to another chapter's Markdown file leads to its page.
        private func pageLink(_ destination: String) -> String {
            let parts = destination.split(separator: "#", maxSplits: 1)
            guard let file = parts.first, let page = page.chapterPages[String(file)] else {
                return destination
            }
            return parts.count == 2 ? "\(page)#\(parts[1])" : page
        }

        /// A listing that does not run (Python from the article, shell commands): shown
        /// like code, with a copy button; Python highlighted.
        static func listing(_ code: String, language: String) -> String {
            let body =
                language == "python"
                ? PythonHighlighter.html(code) : LanguageMarkup.escape(code)
            let classes =
                language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.escape(language))\""
            return "<div class=\"code\"><pre><code\(classes)>\(body)</code></pre></div>\n"
        }

        /// A heading with a stable id from its section number, a permalink, and the
        /// article's own title beside ours.
        private func heading(_ node: MarkdownNode, level: Int) -> String {
            let inner = node.children.map { HTMLRenderer().render($0) }.joined()
            let section = Section.parse(
                heading: node.plainText, level: level, line: node.range?.start.line ?? 0)
            let anchor: String
            if let line = node.range?.start.line, let fixed = page.headingAnchors[line] {
                anchor = fixed
            } else {
                anchor = Self.anchor(of: node, level: level)
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
                + "<a class=\"permalink\" href=\"#\(anchor)\" aria-label=\"\(page.text("Link to this section"))\">#</a>"
                + "</h\(level)>\n"
        }

        /// A heading's anchor: `section-3.1` for a numbered section, `top` for the title,
        /// else its words.
        static func anchor(of node: MarkdownNode, level: Int) -> String {
            let section = Section.parse(heading: node.plainText, level: level, line: 0)
            if let section, level > 1 { return "section-\(section.id)" }
            return level == 1 ? "top" : slug(node.plainText)
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
            return BlockState(cssClass: "not-run", symbol: "○", word: text("not run"))
        }
        return result.passed
            ? BlockState(cssClass: "passed", symbol: "✓", word: text("passed"))
            : BlockState(cssClass: "failed", symbol: "✗", word: text("failed"))
    }

    /// Each heading's anchor by line, as a chapter's page gives them: for a translated
    /// edition's page, which keeps them.
    static func anchorsByLine(of chapter: Chapter) -> [Int: String] {
        var anchors: [Int: String] = [:]
        for node in chapter.document.root.children {
            guard case .heading(let level) = node.kind, let line = node.range?.start.line else {
                continue
            }
            anchors[line] = Rewriter.anchor(of: node, level: level)
        }
        return anchors
    }
}
