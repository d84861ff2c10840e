/// A figure's title: bold and centred, wrapped at spaces onto further lines when it is wider
/// than the figure.
struct FigureTitle {
    static let size = 15.0
    static let lineHeight = 19.0
    /// The first line's baseline.
    static let firstBaseline = 22.0

    /// The lines, none for an empty title.
    let lines: [String]

    /// `text` laid out for a figure `figureWidth` wide.
    init(_ text: String, figureWidth: Double) {
        let available = figureWidth - 2 * Layout.margin
        lines =
            text.isEmpty
            ? [] : TextMetrics.wrap(text, width: available, size: Self.size, bold: true)
    }

    /// The width `text` needs on one line, margins included.
    static func naturalWidth(_ text: String) -> Double {
        TextMetrics.width(text, size: size, bold: true) + 2 * Layout.margin
    }

    /// The lowest point the title's letters reach; what follows starts below it.
    var bottom: Double {
        guard !lines.isEmpty else { return Layout.margin }
        return Self.firstBaseline + Double(lines.count - 1) * Self.lineHeight + 5
    }

    /// Draws the lines centred on the canvas.
    func draw(on canvas: inout SVGCanvas) {
        for (index, line) in lines.enumerated() {
            canvas.text(
                line, x: canvas.width / 2,
                y: Self.firstBaseline + Double(index) * Self.lineHeight, anchor: "middle",
                size: Self.size, bold: true)
        }
    }
}
