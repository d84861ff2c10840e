/// Collects SVG elements and wraps them in a document.
///
/// Text and strokes use `currentColor`, so a figure inlined in a page takes the page's text
/// colour and reads in light and dark themes alike.
struct SVGCanvas {
    var width: Double
    var height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private func number(_ value: Double) -> String { SVGNumber.coordinate(value) }

    mutating func line(
        from start: (Double, Double), to end: (Double, Double), stroke: String = "currentColor",
        opacity: Double = 1, width: Double = 1
    ) {
        elements.append(
            "<line x1=\"\(number(start.0))\" y1=\"\(number(start.1))\" "
                + "x2=\"\(number(end.0))\" y2=\"\(number(end.1))\" stroke=\"\(stroke)\""
                + (opacity < 1 ? " stroke-opacity=\"\(number(opacity))\"" : "")
                + (width != 1 ? " stroke-width=\"\(number(width))\"" : "") + "/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, dash: String) {
        let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
        elements.append(
            "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
                + " stroke-linejoin=\"round\"/>")
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        stroke: String? = nil
    ) {
        elements.append(
            "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" "
                + "height=\"\(number(height))\" fill=\"\(fill)\""
                + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        elements.append(
            "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\" "
                + "fill=\"\(fill)\" fill-opacity=\"0.85\"/>")
    }

    /// Text; `anchor` is `start`, `middle` or `end`; `rotate` turns it about its point.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
        rotate: Double? = nil, bold: Bool = false
    ) {
        let turn = rotate.map {
            " transform=\"rotate(\(number($0)) \(number(x)) \(number(y)))\""
        }
        elements.append(
            "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" "
                + "font-size=\"\(number(size))\"" + (bold ? " font-weight=\"bold\"" : "")
                + (turn ?? "") + " fill=\"currentColor\">\(XMLText.escape(content))</text>")
    }

    /// The whole `<svg>` element, labelled for assistive technology with `altText`.
    func document(altText: String) -> String {
        let size = "\(number(width)) \(number(height))"
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size)\" "
                + "width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" "
                + "aria-label=\"\(XMLText.escape(altText))\" font-family=\"sans-serif\">",
            "<title>\(XMLText.escape(altText))</title>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
