/// The whole book on one page, to print or save as PDF in one go (like mdBook's
/// `print.html`): every chapter's body in reading order, each in a `<section>` whose id is
/// the chapter's, with every id and every link within the book prefixed by it, so that ids
/// stay unique and links lead to places on this page.
enum PrintPage {
    static func body(_ chapters: [(id: String, body: String)], text: PageText = .english)
        -> String
    {
        let ids = Set(chapters.map(\.id))
        let note = text("The whole book on one page: print it, or save it as PDF, in one go.")
        var html = "<p class=\"print-note\">\(note)</p>\n"
        for chapter in chapters {
            html += "<section class=\"print-chapter\" id=\"\(chapter.id)\">\n"
            html += prefixed(chapter.body, chapter: chapter.id, chapters: ids)
            html += "</section>\n"
        }
        return html
    }

    /// A chapter's body with its ids, and the links to them, prefixed by the chapter's id;
    /// links to other chapters' pages lead to their sections of this page.
    static func prefixed(_ html: String, chapter: String, chapters: Set<String>) -> String {
        var result = html.replacing(#/ (id|aria-labelledby)="([^"]*)"/#) { match in
            " \(match.output.1)=\"\(chapter)-\(match.output.2)\""
        }
        result = result.replacing(#/href="([^"#:/]*)\.html(#[^"]*)?"/#) { match in
            let page = String(match.output.1)
            guard chapters.contains(page) else { return String(match.output.0) }
            guard let fragment = match.output.2 else { return "href=\"#\(page)\"" }
            return "href=\"#\(page)-\(fragment.dropFirst())\""
        }
        return result.replacing(#/href="#([^"]*)"/#) { match in
            let target = String(match.output.1)
            if chapters.contains(where: { target == $0 || target.hasPrefix($0 + "-") }) {
                return String(match.output.0)
            }
            return "href=\"#\(chapter)-\(target)\""
        }
    }
}
