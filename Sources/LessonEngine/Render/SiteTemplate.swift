/// The HTML around every page: head, stylesheet link, navigation.
enum SiteTemplate {
    static func page(title: String, navigation: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title)) · Neural Lessons</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <nav class="toc" aria-label="Chapters">
        \(navigation)</nav>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// The list of chapters, with the current one marked.
    static func navigation(_ chapters: [Chapter], current: String?) -> String {
        var html = "<p><a href=\"index.html\">Neural Lessons</a></p>\n<ol>\n"
        for chapter in chapters {
            let mark = chapter.id == current ? " aria-current=\"page\"" : ""
            let label = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
            html +=
                "<li><a href=\"\(chapter.id).html\"\(mark)>\(HTMLEscaping.escape(label))</a></li>\n"
        }
        return html + "</ol>\n"
    }

    /// The index page: every chapter with its sections, and the article's titles beside ours.
    static func index(_ chapters: [Chapter]) -> String {
        var html = "<h1>Neural Lessons</h1>\n"
        html +=
            "<p>An executable book on artificial neural networks and the brain's neural system. "
        html +=
            "Every output on these pages was printed by the code above it when the site was built.</p>\n"
        html += "<ol class=\"contents\">\n"
        for chapter in chapters {
            let label = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
            html += "<li><a href=\"\(chapter.id).html\">\(HTMLEscaping.escape(label))</a>"
            html += original(chapter.originalTitle)
            let sections = chapter.sections
            if !sections.isEmpty {
                html += "\n<ol>\n"
                for section in sections {
                    html +=
                        "<li>\(section.id) \(HTMLEscaping.escape(section.title))\(original(section.originalTitle))</li>\n"
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    private static func original(_ title: String?) -> String {
        title.map { " <span class=\"original\" lang=\"zh\">· \(HTMLEscaping.escape($0))</span>" }
            ?? ""
    }

    static let stylesheet = """
        body { font: 17px/1.6 system-ui, sans-serif; margin: 0; display: flex; color: #1d1d1f; }
        nav.toc { width: 16rem; padding: 1rem; border-right: 1px solid #ddd; font-size: 0.9rem; }
        main { max-width: 46rem; padding: 1rem 2rem; }
        pre { background: #f5f5f7; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.85rem; }
        pre.output { background: #fff; border-left: 3px solid #4a8; }
        pre.output.failed { border-left-color: #c33; }
        pre.expected-failure { border-left-color: #d90; }
        figure.cell { margin: 1rem 0; }
        .math.display { overflow-x: auto; margin: 1rem 0; }
        .original { color: #666; }

        """
}
