/// The front page: what the book is, and every chapter with its sections and the article's
/// titles beside ours.
enum IndexPage {
    static func body(_ chapters: [Chapter], text: PageText = .english) -> String {
        let lead = text(
            "An executable book on how artificial neural networks work and how they compare with the brain's own neural system. It follows a Chinese article section by section, and pairs every formula with Swift code that computes it and checks it. Every output on these pages was printed by that code when the site was built."
        )
        var html = """
            <h1 id="top">\(text("Neural Lessons"))</h1>
            <p class="lead">\(lead)</p>
            <h2 id="contents">\(text("Contents"))</h2>
            <ol class="contents">

            """
        for chapter in chapters {
            let label = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
            html += "<li><a href=\"\(chapter.id).html\">\(LanguageMarkup.escape(label))</a>"
            html += original(chapter.originalTitle)
            if !chapter.sections.isEmpty {
                html += "\n<ol>\n"
                for section in chapter.sections {
                    html +=
                        "<li><a href=\"\(chapter.id).html#section-\(section.id)\">\(section.id) "
                        + "\(LanguageMarkup.escape(section.title))</a>"
                        + "\(original(section.originalTitle))</li>\n"
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        html +=
            "<p>\(text("Also: <a href=\"formulas.html\">every formula and the code that verifies it</a>."))</p>\n"
        return html
    }

    static func original(_ title: String?) -> String {
        title.map { " <span class=\"original\" lang=\"zh\">\(HTMLEscaping.escape($0))</span>" }
            ?? ""
    }
}
