/// The Formulas page: every display formula in the book with its section, the block that
/// verifies it, and whether that block passed.
struct FormulaIndexPage {
    var formulas: FormulaCatalog
    var math: MathCatalog
    /// Every block result, by chapter id and block id.
    var results: [String: [Int: BlockResult]]
    var text = PageText.english

    /// The page; throws when a formula has no typeset rendering (the page would show TeX).
    func body() throws(LessonError) -> String {
        let about = text(
            "Every display formula in the book, with the code block that verifies it and how that block fared when the site was built."
        )
        let columns = ["No.", "Formula", "Section", "Verified by", "Status"].map {
            "<th scope=\"col\">\(text($0))</th>"
        }
        var html = """
            <h1 id="top">\(text("Formulas"))</h1>
            <p>\(about)</p>
            <table class="formulas">
            <thead><tr>\(columns.joined())</tr></thead>
            <tbody>

            """
        for entry in formulas.entries {
            let formula = entry.formula
            let tex = try math.html(
                tex: formula.tex, display: false, file: entry.chapter.file, line: formula.line)
            let section =
                formula.section.flatMap { id in entry.chapter.sections.first { $0.id == id } }
            let sectionCell =
                section.map {
                    "<a href=\"\(entry.page)#section-\($0.id)\">\($0.id) "
                        + "\(LanguageMarkup.escape($0.title))</a>"
                } ?? "<a href=\"\(entry.page)\">\(LanguageMarkup.escape(entry.chapter.title))</a>"
            var blockCell = "—"
            var status = "<span class=\"state unverified\">\(text("not verified"))</span>"
            if let id = formula.verifiedBy {
                let result = results[entry.chapter.id]?[id]
                // The line of the chapter's Markdown; the Section column names the chapter.
                let location =
                    result.map { text("line {line}", ["line": "\($0.block.startLine)"]) }
                    ?? text("block {id}", ["id": "\(id)"])
                blockCell =
                    "<a href=\"\(entry.page)#block-\(id)\" title=\"\(HTMLEscaping.escape(result?.block.location ?? ""))\">"
                    + "\(location)</a>"
                status =
                    result?.passed == true
                    ? "<span class=\"state passed\">✓ \(text("passed"))</span>"
                    : "<span class=\"state failed\">✗ \(text("failed"))</span>"
            }
            html +=
                "<tr><td><a href=\"\(HTMLEscaping.escape(entry.link))\">(\(entry.number))</a></td>"
                + "<td class=\"formula\"><span class=\"math inline\">\(tex)</span></td>"
                + "<td>\(sectionCell)</td><td>\(blockCell)</td><td>\(status)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
