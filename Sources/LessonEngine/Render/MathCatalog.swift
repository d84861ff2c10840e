/// The KaTeX HTML of every formula in the book, rendered in one batch before any page.
struct MathCatalog {
    private var html: [MathRenderer.Request: String] = [:]
    /// The same renderings by their TeX with each run of white space made one space: a
    /// translation joins a formula's lines with a space where the chapter broke the line, and
    /// TeX reads both alike.
    private var laidOut: [MathRenderer.Request: String] = [:]
    /// Whether the catalog typesets the book: then a formula it holds no rendering for is an
    /// error of the build, never shown as TeX. Only the empty catalog of `lessons render`,
    /// which runs nothing, leaves formulas as TeX.
    private(set) var typesets = false

    /// Renders every formula of the chapters; throws one error naming the file and line of
    /// each formula KaTeX cannot render.
    init(chapters: [Chapter], renderer: MathRenderer = MathRenderer()) throws {
        var requests: [MathRenderer.Request] = []
        var places: [MathRenderer.Request: [(file: String, line: Int)]] = [:]
        for chapter in chapters {
            for span in chapter.document.math {
                let request = MathRenderer.Request(tex: span.tex, display: span.display)
                if places[request] == nil { requests.append(request) }
                places[request, default: []].append((chapter.file, span.range.start.line))
            }
            // The Formulas page lists display formulas in its table, typeset inline.
            for formula in chapter.formulas {
                let request = MathRenderer.Request(tex: formula.tex, display: false)
                if places[request] == nil { requests.append(request) }
                places[request, default: []].append((chapter.file, formula.line))
            }
        }
        var problems: [(file: String, line: Int, message: String)] = []
        for (request, result) in try renderer.render(requests) {
            switch result {
            case .success(let rendered): html[request] = rendered
            case .failure(let error):
                for place in places[request] ?? [] {
                    problems.append(
                        (
                            place.file, place.line,
                            "KaTeX cannot render $\(request.tex)$: \(error.message)"
                        ))
                }
            }
        }
        guard problems.isEmpty else {
            let ordered = problems.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
            throw MathCatalogError(
                problems: ordered.map {
                    LessonError.source(file: $0.file, line: $0.line, message: $0.message)
                })
        }
        typesets = true
        layOut()
    }

    private mutating func layOut() {
        laidOut = Dictionary(html.map { (Self.spaced($0.key), $0.value) }) { first, _ in first }
    }

    /// An empty catalog: formulas stay as TeX (`lessons render`, which runs nothing).
    init() {}

    /// The rendered HTML, or nil when the formula was not rendered.
    func html(tex: String, display: Bool) -> String? {
        let request = MathRenderer.Request(tex: tex, display: display)
        return html[request] ?? laidOut[Self.spaced(request)]
    }

    private static func spaced(_ request: MathRenderer.Request) -> MathRenderer.Request {
        let words = request.tex.split(whereSeparator: \.isWhitespace)
        return MathRenderer.Request(tex: words.joined(separator: " "), display: request.display)
    }

    /// The rendered HTML; a formula this catalog typesets but holds no rendering for fails
    /// at its file and line. Without typesetting (`lessons render`), the TeX between
    /// `\(…\)` or `\[…\]`, as KaTeX's auto-render expects it.
    func html(tex: String, display: Bool, file: String, line: Int) throws(LessonError) -> String {
        if let rendered = html(tex: tex, display: display) { return rendered }
        guard !typesets else {
            throw LessonError.source(
                file: file, line: line,
                message: "no typeset rendering of $\(tex)$ was prepared "
                    + "(\(display ? "display" : "inline")); the page would show its TeX")
        }
        let (open, close) = display ? ("\\[", "\\]") : ("\\(", "\\)")
        return open + HTMLEscaping.escape(tex) + close
    }

    /// A catalog that typesets but holds the given renderings only (for tests).
    init(typesetting renderings: [MathRenderer.Request: String]) {
        html = renderings
        typesets = true
        layOut()
    }
}

/// The formulas KaTeX refused, each with its file and line.
struct MathCatalogError: Error, Equatable {
    var problems: [LessonError]
}
