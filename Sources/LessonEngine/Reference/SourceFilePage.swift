/// A library source file as a page of the reference: the whole file, highlighted by the
/// engine's Swift highlighter, one element per line with the id `L<line>`, so a declaration
/// links to `source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html#L12`.
struct SourceFilePage {
    /// The file's path in the repository: `Sources/NeuralNet/Tensor/Tensor.swift`.
    var file: String
    var text: String

    /// The page of a repository file, relative to the site's `api/` folder; nil for a file
    /// outside `Sources/`, which the site does not publish.
    static func page(of file: String) -> String? {
        guard file.hasPrefix("Sources/"), !file.contains("../") else { return nil }
        return "source/" + file.dropFirst("Sources/".count) + ".html"
    }

    /// The link to a line of a file, relative to `api/`.
    static func link(file: String, line: Int?) -> String? {
        page(of: file).map { $0 + (line.map { "#L\($0)" } ?? "") }
    }

    /// The body of the page: the file's path and its lines.
    func body() -> String {
        var html = "<p class=\"api-breadcrumb\">Source file</p>\n"
        html += "<h1><code>\(HTMLEscaping.escape(file))</code></h1>\n"
        html += "<div class=\"code source-file\"><pre><code class=\"language-swift\">"
        for (index, line) in Self.lines(SwiftHighlighter.html(text)).enumerated() {
            html += "<span class=\"source-line\" id=\"L\(index + 1)\" data-line=\"\(index + 1)\">"
            html += line + "\n</span>"
        }
        return html + "</code></pre></div>\n"
    }

    /// Highlighted HTML cut into lines, each closing the elements still open at its end and
    /// the next reopening them (a block comment or a multi-line string spans lines).
    static func lines(_ html: String) -> [String] {
        var lines: [String] = []
        var open: [String] = []
        var line = ""
        var rest = Substring(html)
        while let char = rest.first {
            if char == "<", let close = rest.firstIndex(of: ">") {
                let tag = String(rest[...close])
                if tag.hasPrefix("</") {
                    _ = open.popLast()
                } else {
                    open.append(tag)
                }
                line += tag
                rest = rest[rest.index(after: close)...]
                continue
            }
            if char == "\n" {
                lines.append(line + closing(open))
                line = open.joined()
            } else {
                line.append(char)
            }
            rest = rest.dropFirst()
        }
        if !line.isEmpty, line != open.joined() { lines.append(line + closing(open)) }
        return lines
    }

    /// The end tags of the open elements, innermost first.
    private static func closing(_ open: [String]) -> String {
        open.reversed().map { $0.hasPrefix("<a") ? "</a>" : "</span>" }.joined()
    }
}
