/// Hides math from cmark: every formula in the source becomes a placeholder token that cmark
/// passes through as text, so that `_`, `*`, `\` and the rest of the TeX survive untouched.
///
/// Every line stays where it was, so cmark's line numbers for what follows a formula are
/// those of the real source. A formula over several lines gets its token on each line, after
/// the line's container markers; columns after a formula on its own lines do shift.
///
/// Code blocks, HTML blocks and code spans are never searched, so a `$` in code stays a `$`.
/// The raw source is parsed once first to learn which lines those blocks hold.
enum MathProtector {
    /// The outcome: the source for cmark, and what its tokens stand for.
    struct Protected {
        var source: String
        var placeholders: MathPlaceholders
        /// The parse of the raw source, which is final when the source holds no math.
        var rawDocument: MarkdownNode
    }

    /// Replaces the formulas in `source` with tokens.
    ///
    /// Throws when a `$$` is not closed before the next blank line, code block or heading.
    static func protect(_ source: String) throws(MarkdownError) -> Protected {
        let text = SourceText(source)
        let rawDocument = CommonMark.parse(source)
        let layout = SourceLayout(rawDocument)
        let scanner = MathScanner(text: text)
        var matches: [MathScanner.Match] = []
        for region in layout.mathRegions(in: text) {
            matches += try scanner.matches(in: region)
        }
        let spans = matches.map { span(for: $0, in: text, layout: layout) }
        let originals = matches.map { text.text($0.whole) }
        let placeholders = MathPlaceholders(spans: spans, originals: originals, avoiding: source)
        guard !matches.isEmpty else {
            return Protected(source: source, placeholders: placeholders, rawDocument: rawDocument)
        }
        var protected: [UInt8] = []
        protected.reserveCapacity(text.bytes.count)
        var cursor = 0
        for (index, match) in matches.enumerated() {
            let token = Array(placeholders.token(index).utf8)
            for piece in linePieces(of: match.whole, in: text, layout: layout) {
                protected += text.bytes[cursor..<piece.lowerBound]
                protected += token
                cursor = piece.upperBound
            }
        }
        protected += text.bytes[cursor...]
        return Protected(
            source: String(decoding: protected, as: UTF8.self), placeholders: placeholders,
            rawDocument: rawDocument)
    }

    /// The parts of `range` on each of its lines, without line breaks and, after the first
    /// line, without container markers.
    private static func linePieces(
        of range: Range<Int>, in text: SourceText, layout: SourceLayout
    ) -> [Range<Int>] {
        let firstLine = text.line(containing: range.lowerBound)
        let lastLine = text.line(containing: max(range.lowerBound, range.upperBound - 1))
        return (firstLine...lastLine).map { line in
            let content = text.content(ofLine: line)
            let start =
                line == firstLine
                ? range.lowerBound
                : content.lowerBound
                    + layout.containerPrefixLength(ofLine: line, openedOn: firstLine, in: text)
            return start..<max(start, min(range.upperBound, content.upperBound))
        }
    }

    private static func span(
        for match: MathScanner.Match, in text: SourceText, layout: SourceLayout
    ) -> MathSpan {
        let lines = linePieces(of: match.content, in: text, layout: layout).map { text.text($0) }
        var tex = lines.joined(separator: "\n")
        while match.display, tex.last?.isWhitespace == true {
            tex.removeLast()
        }
        while match.display, tex.first?.isWhitespace == true {
            tex.removeFirst()
        }
        return MathSpan(
            tex: tex, display: match.display, label: match.label,
            range: SourceRange(
                start: text.position(of: match.whole.lowerBound),
                end: text.position(of: match.whole.upperBound - 1)))
    }
}
