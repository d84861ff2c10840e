/// The HTML around every page: head with the Content-Security-Policy, the top bar with search
/// and theme toggle, the book's table of contents, the outline, and previous/next links.
struct PageLayout {
    /// A page of the site, as the navigation lists it.
    struct Link: Equatable {
        var file: String
        var title: String
    }

    /// Allows nothing from other origins and only the site's own script files. KaTeX places
    /// glyphs with `style` attributes, so inline style attributes are allowed; style elements
    /// and sheets only from the site (older browsers fall back to `style-src`).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "style-src-elem 'self'; style-src-attr 'unsafe-inline'; font-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'"

    var chapters: [Chapter]
    /// Every page in reading order, for previous and next.
    var pages: [Link]
    /// The edition's words: English, or a translation's.
    var text = PageText.english
    /// The path from the edition's pages to the files all editions share (styles, scripts,
    /// KaTeX, the API reference, the chapters' sources): empty for English, `../` for zh/.
    var sharedRoot = ""
    /// Links to the same page in the other editions.
    var switches: [LanguageSwitch] = []

    /// A link to the same page in another edition: `zh/chapter3.html`, `中文`.
    struct LanguageSwitch {
        /// The path from this edition's pages to the other edition's: `zh/` or `../`.
        var prefix: String
        /// The other edition's language tag, for `hreflang` and `lang`.
        var language: String
        /// The other language's name in itself.
        var label: String
    }
    /// The API reference's module pages (`api/NeuralNet.html`), listed under its entry in the
    /// table of contents while a reference page is open; no entry when there is none.
    var referenceModules: [Link]? = nil

    /// The whole page.
    func page(
        file: String, title: String, body: String,
        outline: [(anchor: String, label: String, level: Int)] = [], source: String? = nil
    ) -> String {
        let shared = sharedRoot
        var html = """
            <!DOCTYPE html>
            <html lang="\(text.language)"\(editionAttributes)>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLEscaping.escape(title)) · \(text("Neural Lessons"))</title>
            \(alternates(file))<link rel="stylesheet" href="\(shared)katex/katex.min.css">
            <link rel="stylesheet" href="\(shared)style.css">
            <link rel="icon" href="\(shared)icon.svg" type="image/svg+xml">
            <script src="\(shared)theme.js"></script>
            <script src="\(shared)site.js" defer></script>
            </head>
            <body>
            <a class="skip-link" href="#content">\(text("Skip to the text"))</a>
            <header class="topbar">
            <button class="menu-toggle" type="button" aria-controls="sidebar" aria-expanded="false">☰<span class="visually-hidden"> \(text("Contents"))</span></button>
            <a class="brand" href="index.html">\(text("Neural Lessons"))</a>
            <form class="search" role="search" action="search.html">
            <label class="visually-hidden" for="search-input">\(text("Search the book"))</label>
            <input id="search-input" name="q" type="search" placeholder="\(HTMLEscaping.escape(text("Search the book")))" autocomplete="off">
            <div class="search-results" id="search-results" hidden></div>
            </form>
            \(languageLinks(file))<button class="theme-toggle" type="button" aria-label="\(HTMLEscaping.escape(text("Switch between light and dark")))">◐</button>
            </header>
            <div class="layout">
            <div class="menu-backdrop"></div>
            <nav class="sidebar" id="sidebar" aria-label="\(HTMLEscaping.escape(text("Book contents")))">
            \(sidebar(current: file))</nav>
            <main id="content">
            <article>
            \(body)</article>

            """
        html += pager(current: file)
        if let source {
            html +=
                "<p class=\"source-link\"><a href=\"\(shared)\(HTMLEscaping.escapeURL(Self.sourcePath(source)))\">"
                + "\(text("View this chapter's source"))</a> (\(HTMLEscaping.escape(source)))</p>\n"
        }
        html += "</main>\n"
        if !outline.isEmpty {
            html +=
                "<aside class=\"outline\" aria-label=\"\(text("On this page"))\">\n<p>\(text("On this page"))</p>\n<ul>\n"
            for entry in outline {
                html +=
                    "<li class=\"level-\(entry.level)\"><a href=\"#\(entry.anchor)\">"
                    + "\(LanguageMarkup.escape(entry.label))</a></li>\n"
            }
            html += "</ul>\n</aside>\n"
        }
        html += """
            </div>
            <footer>
            <p>\(text("Every output on these pages was printed by the code above it when the site was built.")) <a href="formulas.html">\(text("Formulas"))</a> · <a href="\(shared)api/index.html">\(text("API reference"))</a> · <a href="search.html">\(text("Search"))</a> · <a href="print.html">\(text("The whole book on one page"))</a></p>
            </footer>
            </body>
            </html>

            """
        return html
    }

    /// Where the site keeps a copy of a chapter's Markdown: `Chapters/03-x.md` →
    /// `source/03-x.md`.
    static func sourcePath(_ file: String) -> String {
        "source/" + (file.split(separator: "/").last.map(String.init) ?? file)
    }

    /// The table of contents: every chapter; the current one with its sections.
    func sidebar(current: String) -> String {
        var html = "<ol class=\"toc\">\n"
        html += item(file: "index.html", label: text("Contents"), current: current)
        for chapter in chapters {
            let file = "\(chapter.id).html"
            let label = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
            html += item(file: file, label: label, current: current, open: true)
            if file == current, !chapter.sections.isEmpty {
                html += "<ol class=\"sections\">\n"
                for section in chapter.sections {
                    html +=
                        "<li class=\"level-\(section.level)\"><a href=\"\(file)#section-\(section.id)\">"
                        + "\(section.id) \(LanguageMarkup.escape(section.title))</a></li>\n"
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        html += item(file: "formulas.html", label: text("Formulas"), current: current)
        if let modules = referenceModules {
            html += referenceItem(modules: modules, current: current)
        }
        return html + "</ol>\n"
    }

    /// The API reference's entry: the current page on its index, and the current part of the
    /// book (`aria-current="true"`) on its other pages, which list its modules beneath, the
    /// module of the page marked the same way.
    private func referenceItem(modules: [Link], current: String) -> String {
        guard current.hasPrefix("api/") else {
            return item(
                file: sharedRoot + "api/index.html", label: text("API reference"), current: current)
        }
        let mark = current == "api/index.html" ? "page" : "true"
        var html =
            "<li><a href=\"api/index.html\" aria-current=\"\(mark)\">\(text("API reference"))</a>\n"
        html += "<ol class=\"sections\">\n"
        for module in modules {
            // A module's types and source files (`api/NeuralNet.LSTMCell.html`,
            // `api/source/NeuralNet/…`) are the part of it being read.
            let inModule =
                current.hasPrefix("api/\(module.title).")
                || current.hasPrefix("api/source/\(module.title)/")
            let here =
                module.file == current
                ? " aria-current=\"page\"" : inModule ? " aria-current=\"true\"" : ""
            html += "<li class=\"level-2\"><a href=\"\(module.file)\"\(here)>"
            html += "\(LanguageMarkup.escape(module.title))</a></li>\n"
        }
        return html + "</ol>\n</li>\n"
    }

    private func item(file: String, label: String, current: String, open: Bool = false)
        -> String
    {
        let mark = file == current ? " aria-current=\"page\"" : ""
        return "<li><a href=\"\(file)\"\(mark)>\(LanguageMarkup.escape(label))</a>"
            + (open ? "\n" : "</li>\n")
    }

    /// Previous and next links.
    func pager(current: String) -> String {
        guard let index = pages.firstIndex(where: { $0.file == current }) else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"\(text("Previous and next page"))\">\n"
        if index > 0 {
            let page = pages[index - 1]
            html +=
                "<a class=\"previous\" rel=\"prev\" href=\"\(page.file)\">← "
                + "\(LanguageMarkup.escape(page.title))</a>\n"
        }
        if index + 1 < pages.count {
            let page = pages[index + 1]
            html +=
                "<a class=\"next\" rel=\"next\" href=\"\(page.file)\">"
                + "\(LanguageMarkup.escape(page.title)) →</a>\n"
        }
        return html + "</nav>\n"
    }

    /// The `<html>` attributes of a translated edition: its site root for the script (its
    /// own search index and pages, though it loads the shared script) and its words.
    var editionAttributes: String {
        guard text.translation != nil else { return "" }
        return " data-site-root=\"\" data-strings=\"\(HTMLEscaping.escape(text.scriptStrings))\""
    }

    /// `<link rel="alternate" hreflang>` for each other edition of the page.
    func alternates(_ file: String) -> String {
        switches.map {
            "<link rel=\"alternate\" hreflang=\"\($0.language)\" href=\"\($0.prefix)\(file)\">\n"
        }.joined()
    }

    /// The language switch: a link to the same page in each other edition, named in its
    /// own language.
    func languageLinks(_ file: String) -> String {
        switches.map {
            "<a class=\"language-switch\" href=\"\($0.prefix)\(file)\" hreflang=\"\($0.language)\" "
                + "lang=\"\($0.language)\">\(HTMLEscaping.escape($0.label))</a>\n"
        }.joined()
    }
}
