/// The Formulas page: every display formula in the book with its section, the block that
/// verifies it, and whether that block passed.
struct FormulaIndexPage {
    var formulas: FormulaCatalog
    var math: MathCatalog
    /// Every block result, by chapter id and block id.
    var results: [String: [Int: BlockResult]]

    func body() -> String {
        var html = """
            <h1 id="top">Formulas</h1>
            <p>Every display formula in the book, with the code block that verifies it and how that block fared when the site was built.</p>
            <table class="formulas">
            <thead><tr><th scope="col">No.</th><th scope="col">Formula</th><th scope="col">Section</th><th scope="col">Verified by</th><th scope="col">Status</th></tr></thead>
            <tbody>

            """
        for entry in formulas.entries {
            let formula = entry.formula
            let tex =
                math.html(tex: formula.tex, display: false)
                ?? "\\(\(HTMLEscaping.escape(formula.tex))\\)"
            let section =
                formula.section.flatMap { id in entry.chapter.sections.first { $0.id == id } }
            let sectionCell =
                section.map {
                    "<a href=\"\(entry.page)#section-\($0.id)\">\($0.id) "
                        + "\(HTMLEscaping.escape($0.title))</a>"
                } ?? "<a href=\"\(entry.page)\">\(HTMLEscaping.escape(entry.chapter.title))</a>"
            var blockCell = "—"
            var status = "<span class=\"state unverified\">not verified</span>"
            if let id = formula.verifiedBy {
                let result = results[entry.chapter.id]?[id]
                let location = result?.block.location ?? "block \(id)"
                blockCell =
                    "<a href=\"\(entry.page)#block-\(id)\">\(HTMLEscaping.escape(location))</a>"
                status =
                    result?.passed == true
                    ? "<span class=\"state passed\">✓ passed</span>"
                    : "<span class=\"state failed\">✗ failed</span>"
            }
            html +=
                "<tr><td><a href=\"\(HTMLEscaping.escape(entry.link))\">(\(entry.number))</a></td>"
                + "<td class=\"formula\"><span class=\"math inline\">\(tex)</span></td>"
                + "<td>\(sectionCell)</td><td>\(blockCell)</td><td>\(status)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
