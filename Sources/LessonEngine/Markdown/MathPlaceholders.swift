/// The tokens that stand for formulas while cmark parses, and what each stands for.
///
/// A token is a unique prefix, the formula's index and `Z`, between two `%`s, e.g.
/// `%Mathph3Z%`, which cmark passes through as text. The `%`s make a formula flank emphasis
/// as punctuation does, as cmark would treat a formula it knew of: `$x$_emphasis_` is
/// emphasised like `)_emphasis_`, and in `**$a$**bold` the second `**` closes nothing, as in
/// `**)**bold`. (Letters there would do the opposite in both.) The prefix appears nowhere in
/// the source, so a token can be found without ambiguity even when text runs straight into
/// it.
struct MathPlaceholders: Sendable {
    /// One piece of text that may hold tokens.
    enum Piece: Sendable, Equatable {
        case text(String)
        case math(index: Int)
    }

    let prefix: String
    /// The formulas, in source order; a formula's index is its place here.
    let spans: [MathSpan]
    /// The source each token replaced, dollars and label included.
    let originals: [String]

    /// Builds placeholders whose prefix does not occur in `source`.
    init(spans: [MathSpan], originals: [String], avoiding source: String) {
        var prefix = "Mathph"
        var attempt = 0
        while source.utf8.firstRange(of: prefix.utf8) != nil {
            attempt += 1
            prefix = "Mathph\(attempt)"
        }
        self.prefix = prefix
        self.spans = spans
        self.originals = originals
    }

    /// The token that stands for formula `index`.
    func token(_ index: Int) -> String {
        "%\(prefix)\(index)Z%"
    }

    /// Splits text at its tokens.
    func pieces(of string: String) -> [Piece] {
        let bytes = Array(string.utf8)
        let prefixBytes = Array("%\(prefix)".utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var searchStart = 0
        while let found = bytes[searchStart...].firstRange(of: prefixBytes) {
            var end = found.upperBound
            while end < bytes.count, end - found.upperBound < 9,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end])
            {
                end += 1
            }
            let digits = String(decoding: bytes[found.upperBound..<end], as: UTF8.self)
            guard let index = Int(digits), spans.indices.contains(index), end + 1 < bytes.count,
                bytes[end] == UInt8(ascii: "Z"), bytes[end + 1] == UInt8(ascii: "%")
            else {
                searchStart = found.upperBound
                continue
            }
            if found.lowerBound > textStart {
                pieces.append(
                    .text(String(decoding: bytes[textStart..<found.lowerBound], as: UTF8.self)))
            }
            pieces.append(.math(index: index))
            textStart = end + 2
            searchStart = end + 2
        }
        if textStart < bytes.count {
            pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        return pieces
    }

    /// The text with every token turned back into the source it replaced.
    func restoringSource(in string: String) -> String {
        guard !spans.isEmpty, string.utf8.firstRange(of: prefix.utf8) != nil else { return string }
        return pieces(of: string).map { piece in
            switch piece {
            case .text(let text): text
            case .math(let index): originals[index]
            }
        }.joined()
    }
}
