import Foundation

/// The check a figure's SVG passes before it is inlined in a page: it must be the kind of SVG
/// the `Figures` library writes, and nothing else.
///
/// The SVG is read as XML (by `SVGChecker`), and every element, attribute and attribute value
/// is compared with an allow list taken from `Figures` (its `SVGCanvas`): `svg`, `title`,
/// `line`, `polyline`, `rect`, `circle` and `text`, with their geometry and paint. Text is allowed anywhere (it is
/// XML-escaped, and stays text in the page). Anything else is refused: scripts, event handlers,
/// links, styles, animation, comments, CDATA, processing instructions, a doctype, entities
/// other than XML's own, or markup that is not well-formed XML. A refused figure is left out of
/// the page and fails its block, so `check` and `build` fail with its file and line.
enum FigureSafety {
    /// Why the SVG may not be inlined, or nil when it may.
    static func problem(in svg: String) -> String? {
        guard svg.hasPrefix("<svg") else {
            return "it does not begin with <svg (a prolog, a doctype or a comment before it)"
        }
        // A figure is checked for its block's result, its page and the notebook's report:
        // once is enough.
        if let known = verdicts.verdict(of: svg) { return known }
        let problem = SVGChecker(svg: svg).run()
        verdicts.keep(problem, for: svg)
        return problem
    }

    /// The figures checked lately, with their verdicts.
    private static let verdicts = Verdicts()

    private final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String?] = [:]

        func verdict(of svg: String) -> String?? { lock.withLock { known[svg] } }

        func keep(_ problem: String?, for svg: String) {
            lock.withLock {
                if known.count >= 256 { known.removeAll() }
                known[svg] = .some(problem)
            }
        }
    }

    /// True when the SVG may be inlined.
    static func isPlainSVG(_ svg: String) -> Bool { problem(in: svg) == nil }

    /// What an attribute's value may be.
    enum Value {
        /// `12`, `-3.5`, `1e-3`.
        case number
        /// Numbers separated by spaces or commas (`viewBox`, `points`, `stroke-dasharray`).
        case numbers
        /// `none`, `currentColor` or `#rgb`, `#rrggbb`, `#rrggbbaa`.
        case paint
        /// `rotate(angle x y)`.
        case rotation
        /// One of these words.
        case oneOf(Set<String>)
        /// Any text (a label).
        case text
        /// Font names: letters, digits, spaces, commas, hyphens.
        case fontFamily
    }

    /// The elements `Figures` writes, each with the attributes it may carry.
    static let allowed: [String: [String: Value]] = {
        let stroke: [String: Value] = [
            "stroke": .paint, "stroke-opacity": .number, "stroke-width": .number,
        ]
        return [
            "svg": [
                "xmlns": .oneOf(["http://www.w3.org/2000/svg"]), "viewBox": .numbers,
                "width": .number, "height": .number, "role": .oneOf(["img"]),
                "aria-label": .text, "font-family": .fontFamily,
            ],
            "title": [:],
            "line": stroke.merging(
                ["x1": .number, "y1": .number, "x2": .number, "y2": .number]) { $1 },
            "polyline": stroke.merging([
                "points": .numbers, "fill": .paint, "stroke-dasharray": .numbers,
                "stroke-linejoin": .oneOf(["round", "miter", "bevel"]),
            ]) { $1 },
            "rect": [
                "x": .number, "y": .number, "width": .number, "height": .number,
                "fill": .paint, "stroke": .paint,
            ],
            "circle": [
                "cx": .number, "cy": .number, "r": .number, "fill": .paint,
                "fill-opacity": .number,
            ],
            "text": [
                "x": .number, "y": .number, "text-anchor": .oneOf(["start", "middle", "end"]),
                "font-size": .number, "font-weight": .oneOf(["bold", "normal"]),
                "transform": .rotation, "fill": .paint,
            ],
        ]
    }()

    /// True when `value` is of the kind `kind`.
    static func accepts(_ value: String, as kind: Value) -> Bool {
        switch kind {
        case .number:
            return isNumber(value.utf8[...])
        case .numbers:
            return value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C }).allSatisfy(
                isNumber)
        case .paint:
            guard value != "none", value != "currentColor" else { return true }
            let digits = value.utf8.dropFirst()
            return value.utf8.first == UInt8(ascii: "#") && [3, 6, 8].contains(digits.count)
                && digits.allSatisfy { byte in
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
                }
        case .rotation:
            guard value.hasPrefix("rotate("), value.hasSuffix(")") else { return false }
            let inside = value.dropFirst("rotate(".count).dropLast()
            return inside.allSatisfy { "-0123456789., eE+".contains($0) }
                && accepts(String(inside), as: .numbers)
        case .oneOf(let words):
            return words.contains(value)
        case .text:
            return true
        case .fontFamily:
            return value.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || " ,-".contains($0))
            }
        }
    }

    /// `-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`, read by hand (a regular expression took a
    /// good share of the check's time).
    private static func isNumber(_ bytes: Substring.UTF8View) -> Bool {
        var rest = bytes
        func digits() -> Int {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        var mantissa = digits()
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fraction = digits()
            if mantissa == 0 && fraction == 0 { return false }
            mantissa += fraction
        }
        guard mantissa > 0 else { return false }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
                rest = rest.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
