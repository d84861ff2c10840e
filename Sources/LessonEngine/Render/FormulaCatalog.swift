/// Every display formula of the book with its number, anchor and page, for equation numbers,
/// `@eq:label` references, the verification badges and the Formulas page.
struct FormulaCatalog {
    /// One formula where the site shows it.
    struct Entry {
        var formula: Formula
        var chapter: Chapter
        /// `3.2`: the chapter's number and the formula's place in it (`2` if unnumbered).
        var number: String
        /// The element id: the label, or `formula-2`.
        var anchor: String
        var page: String { "\(chapter.id).html" }
        var link: String { "\(page)#\(anchor)" }
    }

    private(set) var entries: [Entry] = []

    init(chapters: [Chapter]) {
        for chapter in chapters {
            for (index, formula) in chapter.formulas.enumerated() {
                let place = String(index + 1)
                entries.append(
                    Entry(
                        formula: formula, chapter: chapter,
                        number: chapter.number.map { "\($0).\(place)" } ?? place,
                        anchor: formula.label ?? "formula-\(place)"))
            }
        }
    }

    /// The formula of `chapter` that starts at `line`.
    func entry(in chapter: Chapter, line: Int) -> Entry? {
        entries.first { $0.chapter.id == chapter.id && $0.formula.line == line }
    }

    /// The formula with this label: in `chapter` first, then anywhere in the book.
    func entry(label: String, preferring chapter: Chapter) -> Entry? {
        entries.first { $0.chapter.id == chapter.id && $0.formula.label == label }
            ?? entries.first { $0.formula.label == label }
    }

    /// The formulas a block verifies.
    func verified(by block: CodeBlock, in chapter: Chapter) -> [Entry] {
        entries.filter { $0.chapter.id == chapter.id && $0.formula.verifiedBy == block.id }
    }
}
