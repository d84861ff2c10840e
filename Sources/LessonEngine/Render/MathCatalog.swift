/// The KaTeX HTML of every formula in the book, rendered in one batch before any page.
struct MathCatalog {
    private var html: [MathRenderer.Request: String] = [:]

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
    }

    /// An empty catalog: formulas stay as TeX (`lessons render`, which runs nothing).
    init() {}

    /// The rendered HTML, or nil when the formula was not rendered.
    func html(tex: String, display: Bool) -> String? {
        html[MathRenderer.Request(tex: tex, display: display)]
    }
}

/// The formulas KaTeX refused, each with its file and line.
struct MathCatalogError: Error, Equatable {
    var problems: [LessonError]
}
