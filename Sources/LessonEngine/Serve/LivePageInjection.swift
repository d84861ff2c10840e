import Foundation

/// What `lessons serve` adds to a site page as it sends it, and only then: the notebook's
/// stylesheets and scripts (CodeMirror's copy from Debian included), the chapter's blocks as
/// the notebook edits them, and a Content-Security-Policy that lets them work. `Site/` itself
/// never holds any of it, so a static host shows no editor and polls nothing.
enum LivePageInjection {
    /// Where the server answers CodeMirror's files: Debian's `libjs-codemirror`.
    static let codeMirrorFolder = "/usr/share/javascript/codemirror"

    static let head = """
        <link rel="stylesheet" href="/__lessons/codemirror/lib/codemirror.css">
        <link rel="stylesheet" href="/__lessons/notebook.css">

        """

    /// The page with the notebook added; `page` is the chapter it shows, if it is a chapter.
    static func inject(into html: String, page: NotebookPage?) -> String {
        var html = allowingNotebook(html)
        var tail = ""
        if let page, let data = try? JSONEncoder().encode(page) {
            // `<` escaped, so nothing in the code can close the script element.
            let json = String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: "<", with: "\\u003c")
            tail += "<script type=\"application/json\" id=\"lessons-notebook\">\(json)</script>\n"
            tail += "<script src=\"/__lessons/codemirror/lib/codemirror.js\"></script>\n"
            tail += "<script src=\"/__lessons/codemirror/mode/swift/swift.js\"></script>\n"
        }
        tail += "<script src=\"/__lessons/notebook.js\"></script>\n"
        if let range = html.range(of: "</head>") {
            html.insert(contentsOf: head, at: range.lowerBound)
        }
        if let range = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: tail, at: range.lowerBound)
        } else {
            html += tail
        }
        return html
    }

    /// The page's Content-Security-Policy with scripts from this origin and connections to it
    /// allowed, whatever the static site's policy says about them.
    static func allowingNotebook(_ html: String) -> String {
        let marker = "http-equiv=\"Content-Security-Policy\" content=\""
        guard let start = html.range(of: marker),
            let end = html[start.upperBound...].firstIndex(of: "\"")
        else { return html }
        var directives = html[start.upperBound..<end].split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        for name in ["script-src", "connect-src", "style-src-elem"] {
            directives.removeAll { $0 == name || $0.hasPrefix(name + " ") }
        }
        directives += ["script-src 'self'", "connect-src 'self'", "style-src-elem 'self'"]
        return html.replacingCharacters(
            in: start.upperBound..<end, with: directives.joined(separator: "; "))
    }
}
