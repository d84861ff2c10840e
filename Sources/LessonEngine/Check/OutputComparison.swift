import Foundation

/// Compares what a block printed with what its `output` block expects.
///
/// Both sides are normalised first: control characters are shown as their pictures (`␛` for
/// ESC, as the engine shows what a program prints), trailing whitespace is trimmed from every
/// line, and trailing empty lines are dropped. With a tolerance, numbers are compared as numbers —
/// `|actual − expected| ≤ tolerance × max(1, |expected|)` — and everything between them
/// must still match exactly.
enum OutputComparison {
    /// The normalised form of an output.
    static func normalize(_ text: String) -> String {
        let visible = ControlPictures.visible(text)
        var lines = visible.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// True if the outputs match under the rules above.
    static func matches(actual: String, expected: String, tolerance: Double?) -> Bool {
        let actual = normalize(actual)
        let expected = normalize(expected)
        if actual == expected { return true }
        guard let tolerance else { return false }
        let left = tokens(actual)
        let right = tokens(expected)
        guard left.count == right.count else { return false }
        for (a, e) in zip(left, right) {
            switch (a, e) {
            case (.number(let x), .number(let y)):
                if x.isNaN && y.isNaN { continue }
                if x == y { continue }
                guard abs(x - y) <= tolerance * max(1, abs(y)) else { return false }
            case (.text(let x), .text(let y)):
                guard x == y else { return false }
            default:
                return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(Substring)
        case number(Double)
    }

    /// Splits text into numbers (`-1.5e-3`, `nan`, `inf`) and the text between them.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var rest = text[...]
        var textStart = rest.startIndex
        while !rest.isEmpty {
            guard let match = rest.prefixMatch(of: numberPattern) else {
                rest = rest.dropFirst()
                continue
            }
            if textStart < rest.startIndex {
                tokens.append(.text(text[textStart..<rest.startIndex]))
            }
            let literal = match.output
            let magnitude =
                Double(literal.drop { $0 == "-" }) ?? (literal.hasSuffix("nan") ? .nan : .infinity)
            tokens.append(.number(literal.hasPrefix("-") ? -magnitude : magnitude))
            rest = rest[match.range.upperBound...]
            textStart = rest.startIndex
        }
        if textStart < text.endIndex { tokens.append(.text(text[textStart...])) }
        return tokens
    }

    private static var numberPattern: Regex<Substring> {
        /-?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|inf)/
    }
}
