import Foundation

/// Rewrites `output` blocks in a chapter's source, by the line numbers cmark reported for
/// them (never by searching for their text), for `lessons check --accept`.
struct ExpectedOutputRewriter {
    /// One block to rewrite: the expected output as parsed, and the text it should now hold.
    struct Change {
        var expected: ExpectedOutput
        var newText: String
    }

    /// The source with every change applied. Fence lines keep their indentation and info
    /// string; the fence grows if the new text contains one as long.
    static func apply(_ changes: [Change], to source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for change in changes.sorted(by: { $0.expected.startLine > $1.expected.startLine }) {
            let start = change.expected.startLine - 1
            let end = change.expected.endLine - 1
            guard start >= 0, end < lines.count, start < end else { continue }
            let replacement = fencedLines(
                text: change.newText, info: change.expected.info, opening: lines[start])
            lines.replaceSubrange(start...end, with: replacement)
        }
        return lines.joined(separator: "\n")
    }

    /// An `output` block holding `text`, fenced and indented like the line `opening`.
    static func fencedLines(text: String, info: String, opening: String) -> [String] {
        let indent = String(opening.prefix { $0 == " " })
        let fenceCharacter = opening.dropFirst(indent.count).first ?? "`"
        let fenceLength = opening.dropFirst(indent.count).prefix { $0 == fenceCharacter }.count
        var body = OutputComparison.normalize(text)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if body == [""] { body = [] }
        let longestInBody =
            body.map { line in line.drop { $0 == " " }.prefix { $0 == fenceCharacter }.count }
            .max() ?? 0
        let fence = String(repeating: fenceCharacter, count: max(fenceLength, longestInBody + 1))
        let suffix = info.isEmpty ? "" : " " + info
        return [indent + fence + "output" + suffix] + body.map { $0.isEmpty ? $0 : indent + $0 }
            + [indent + fence]
    }

    /// Writes a file atomically: to a temporary file beside it, then renamed over it.
    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
