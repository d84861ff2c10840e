import Foundation

@testable import Figures

/// A figure's SVG read back: its size and its text elements, each with the box it is
/// estimated to cover, so tests can check that labels land inside the figure.
struct RenderedSVG {
    struct Text {
        var content: String
        var x: Double
        var y: Double
        var size: Double
        var anchor: String
        var bold: Bool
        /// Turned a quarter to read upwards (`rotate(-90 …)`).
        var upright: Bool

        /// The box the letters cover: the estimated advance along the line, and from the
        /// ascender (0.76 em above the baseline in DejaVu Sans) to the descender (0.24 em).
        var box: (left: Double, top: Double, right: Double, bottom: Double) {
            let length = TextMetrics.width(content, size: size, bold: bold)
            let start: Double
            switch anchor {
            case "middle": start = -length / 2
            case "end": start = -length
            default: start = 0
            }
            let (above, below) = (0.76 * size, 0.24 * size)
            if upright {
                // Reading upwards: the line runs towards smaller y, the letters' tops face left.
                return (x - above, y - start - length, x + below, y - start)
            }
            return (x + start, y - above, x + start + length, y + below)
        }
    }

    let width: Double
    let height: Double
    let texts: [Text]

    init(_ svg: String) {
        let root = svg.prefix { $0 != ">" }.dropFirst("<svg".count)
        width = Self.number("width", in: root) ?? 0
        height = Self.number("height", in: root) ?? 0
        var texts: [Text] = []
        for piece in svg.components(separatedBy: "<text ").dropFirst() {
            guard let close = piece.range(of: ">"), let end = piece.range(of: "</text>")
            else { continue }
            let attributes = piece[..<close.lowerBound]
            let content = String(piece[close.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&amp;", with: "&")
            texts.append(
                Text(
                    content: content, x: Self.number("x", in: attributes) ?? .nan,
                    y: Self.number("y", in: attributes) ?? .nan,
                    size: Self.number("font-size", in: attributes) ?? .nan,
                    anchor: Self.attribute("text-anchor", in: attributes) ?? "start",
                    bold: attributes.contains("font-weight=\"bold\""),
                    upright: attributes.contains("transform=\"rotate(-90 ")))
        }
        self.texts = texts
    }

    /// The texts whose content is exactly `content`.
    func texts(_ content: String) -> [Text] { texts.filter { $0.content == content } }

    /// Texts whose estimated box reaches outside the figure.
    var textsOutside: [Text] {
        texts.filter {
            let box = $0.box
            return box.left < 0 || box.top < 0 || box.right > width || box.bottom > height
        }
    }

    /// The value of attribute `name` among `attributes` (the text after the element name).
    private static func attribute(_ name: String, in attributes: Substring) -> String? {
        let spaced = " " + attributes
        guard let start = spaced.range(of: " \(name)=\"") else { return nil }
        return String(spaced[start.upperBound...].prefix { $0 != "\"" })
    }

    private static func number(_ name: String, in text: Substring) -> Double? {
        attribute(name, in: text).flatMap(Double.init)
    }
}

/// Whether two boxes share any area.
func overlap(
    _ a: (left: Double, top: Double, right: Double, bottom: Double),
    _ b: (left: Double, top: Double, right: Double, bottom: Double)
) -> Bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}
