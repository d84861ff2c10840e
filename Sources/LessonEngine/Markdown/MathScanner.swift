/// Finds formulas in a stretch of paragraph text, left to right, by pandoc's rules.
///
/// - `$$ … $$` is display math; it may span lines and may be followed on the same line by a
///   label, `$$ {#eq:name}` (letters, digits, `-`, `_`, `:` and `.`).
/// - `$ … $` is inline math: the opening `$` must not be followed by whitespace, the closing
///   `$` must not follow whitespace and must not be followed by a digit, so `$5 and $6`
///   stays text.
/// - Inside math a backslash keeps the next byte, so `\$` does not close a formula.
/// - Outside math `\$` (any backslash escape) is left to cmark, and code spans (a run of
///   backticks up to the next run of the same length) are skipped whole.
struct MathScanner {
    /// One formula's place in the source, as byte offsets.
    struct Match: Sendable, Equatable {
        /// From the opening dollar to the closing dollar, or to the label's `}`.
        var whole: Range<Int>
        /// The TeX between the dollars.
        var content: Range<Int>
        var display: Bool
        var label: String?
    }

    let text: SourceText

    /// The formulas in `region`, which must not cross a blank line or a code or HTML block.
    ///
    /// Throws when a `$$` is never closed within the region.
    func matches(in region: Range<Int>) throws(MarkdownError) -> [Match] {
        let bytes = text.bytes
        var found: [Match] = []
        var index = region.lowerBound
        let end = region.upperBound
        while index < end {
            switch bytes[index] {
            case .backslash:
                index += index + 1 < end && bytes[index + 1].isASCIIPunctuation ? 2 : 1
            case .backtick:
                index = endOfCodeSpan(at: index, end: end)
            case .dollar where index + 1 < end && bytes[index + 1] == .dollar:
                guard let match = displayMath(at: index, end: end) else {
                    throw .unterminatedDisplayMath(text.position(of: index))
                }
                if !bytes[match.content].allSatisfy(\.isWhitespace) {
                    found.append(match)
                }
                index = match.whole.upperBound
            case .dollar:
                if let match = inlineMath(at: index, end: end) {
                    found.append(match)
                    index = match.whole.upperBound
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        return found
    }

    /// Where scanning resumes after a backtick run: past the code span it opens, or just past
    /// the run when no run of the same length closes it.
    private func endOfCodeSpan(at start: Int, end: Int) -> Int {
        let bytes = text.bytes
        let openingEnd = runEnd(of: .backtick, from: start, end: end)
        var index = openingEnd
        while index < end {
            guard bytes[index] == .backtick else {
                index += 1
                continue
            }
            let closingEnd = runEnd(of: .backtick, from: index, end: end)
            if closingEnd - index == openingEnd - start {
                return closingEnd
            }
            index = closingEnd
        }
        return openingEnd
    }

    private func runEnd(of byte: UInt8, from start: Int, end: Int) -> Int {
        var index = start
        while index < end && text.bytes[index] == byte {
            index += 1
        }
        return index
    }

    private func displayMath(at start: Int, end: Int) -> Match? {
        let bytes = text.bytes
        var index = start + 2
        while index + 1 < end {
            if bytes[index] == .backslash {
                index += 2
            } else if bytes[index] == .dollar && bytes[index + 1] == .dollar {
                let (label, labelEnd) = label(after: index + 2, end: end)
                return Match(
                    whole: start..<labelEnd, content: start + 2..<index, display: true, label: label
                )
            } else {
                index += 1
            }
        }
        return nil
    }

    /// A `{#label}` after optional spaces on the same line, and where it ends; else nil and
    /// `start`.
    private func label(after start: Int, end: Int) -> (String?, Int) {
        let bytes = text.bytes
        var index = start
        while index < end && (bytes[index] == .space || bytes[index] == .tab) {
            index += 1
        }
        guard index + 1 < end, bytes[index] == .openBrace, bytes[index + 1] == .hash else {
            return (nil, start)
        }
        let nameStart = index + 2
        var nameEnd = nameStart
        while nameEnd < end && bytes[nameEnd].isLabelCharacter {
            nameEnd += 1
        }
        guard nameEnd > nameStart, nameEnd < end, bytes[nameEnd] == .closeBrace else {
            return (nil, start)
        }
        return (text.text(nameStart..<nameEnd), nameEnd + 1)
    }

    private func inlineMath(at start: Int, end: Int) -> Match? {
        let bytes = text.bytes
        guard start + 1 < end, !bytes[start + 1].isWhitespace else { return nil }
        var index = start + 1
        while index < end {
            if bytes[index] == .backslash {
                index += 2
            } else if bytes[index] == .dollar && !bytes[index - 1].isWhitespace
                && !(index + 1 < end && bytes[index + 1].isASCIIDigit)
            {
                return Match(
                    whole: start..<index + 1, content: start + 1..<index, display: false,
                    label: nil)
            } else {
                index += 1
            }
        }
        return nil
    }
}

extension UInt8 {
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let backtick = UInt8(ascii: "`")
    fileprivate static let dollar = UInt8(ascii: "$")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let hash = UInt8(ascii: "#")

    fileprivate var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20)
    }

    /// The punctuation a CommonMark backslash can escape.
    fileprivate var isASCIIPunctuation: Bool {
        ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.utf8.contains(self)
    }

    fileprivate var isLabelCharacter: Bool {
        isASCIILetter || isASCIIDigit || "-_:.".utf8.contains(self)
    }
}
