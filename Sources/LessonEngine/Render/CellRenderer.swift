/// Renders a chapter's Swift block as the page shows it: highlighted code with a copy button
/// (added by the site's script), the formulas it verifies and its state, what it really
/// printed, and the figures it showed, numbered through the chapter.
struct CellRenderer {
    let page: ChapterPage
    /// Figures shown so far on the page.
    private var figureCount = 0

    init(page: ChapterPage) { self.page = page }

    /// A Swift block: code, what it verifies, its real output and its figures.
    mutating func render(_ block: CodeBlock) -> String {
        if block.options.hidden { return "" }
        let result = page.results[block.id]
        let state = page.state(of: block.id)
        var html = "<figure class=\"cell \(state.cssClass)\" id=\"block-\(block.id)\">\n"
        if let name = block.options.name {
            // A stable anchor for links from prose (`chapter3.html#block-gru-article`): the
            // numbered id moves whenever a block is added above this one.
            html +=
                "<span class=\"block-anchor\" id=\"block-\(HTMLEscaping.escape(name))\"></span>\n"
        }
        html += "<div class=\"code\"><pre><code class=\"language-swift\">"
        html +=
            SwiftHighlighter.html(
                block.code, links: page.linker?.links(in: block.code) ?? [], linkBase: page.apiBase)
            + "</code></pre></div>\n"
        let verified = page.formulas.verified(by: block, in: page.chapter)
        if !verified.isEmpty || (result != nil && result?.passed == false) {
            let links = verified.map {
                "<a href=\"#\(HTMLEscaping.escape($0.anchor))\">(\($0.number))</a>"
            }
            html += "<p class=\"cell-status\">"
            if !links.isEmpty {
                let list = links.joined(separator: ", ")
                html += page.text("Verifies {formulas}", ["formulas": list]) + " · "
            }
            html += "<span class=\"state\">\(state.symbol) \(state.word)</span></p>\n"
        }
        if block.options.noRun {
            html += "<p class=\"cell-status\">\(page.text("Not run (shown only)."))</p>\n"
        }
        if let result, !result.output.isEmpty || !result.passed {
            html += output(result)
        }
        for figure in result?.figures ?? [] {
            html += self.figure(figure)
        }
        return html + "</figure>\n"
    }

    private func output(_ result: BlockResult) -> String {
        var classes = ["output"]
        if !result.passed { classes.append("failed") }
        if result.block.options.fails { classes.append("expected-failure") }
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 30 { classes.append("long") }
        let label =
            page.text(
                result.block.options.fails ? "Output (the block fails, as intended)" : "Output")
        return "<pre class=\"\(classes.joined(separator: " "))\" aria-label=\"\(label)\">"
            + "<samp>\(LanguageMarkup.escape(result.output))</samp></pre>\n"
    }

    private mutating func figure(_ figure: BlockFigure) -> String {
        figureCount += 1
        let number = page.chapter.number.map { "\($0).\(figureCount)" } ?? "\(figureCount)"
        let id = "figure-\(number)"
        let caption =
            "<figcaption id=\"\(id)\">\(page.text("Figure {number}.", ["number": number])) "
            + "\(LanguageMarkup.escape(figure.altText))"
            + "</figcaption>"
        if let problem = FigureSafety.problem(in: figure.svg) {
            let note = page.text(
                "This figure was left out: {reason}.", ["reason": HTMLEscaping.escape(problem)])
            return "<figure class=\"plot rejected\"><p>\(note)</p>\(caption)</figure>\n"
        }
        return "<figure class=\"plot\">\n<div class=\"plot-image\">\n"
            + "\(Self.namedByCaption(figure.svg, id: id))</div>\n\(caption)\n</figure>\n"
    }

    /// The SVG named by the page's caption (`aria-labelledby`) instead of by its own label
    /// and title, which repeat the caption word for word: a screen reader reads it once.
    static func namedByCaption(_ svg: String, id: String) -> String {
        guard let end = svg.firstIndex(of: ">") else { return svg }
        var tag = String(svg[..<end])
        var rest = String(svg[end...])
        if let label = tag.firstRange(of: #/ aria-label="[^"]*"/#) {
            tag.replaceSubrange(label, with: "")
        }
        tag += " aria-labelledby=\"\(id)\""
        if let title = rest.firstRange(of: #/<title>[^<]*</title>\n?/#) {
            rest.removeSubrange(title)
        }
        return tag + rest
    }
}
