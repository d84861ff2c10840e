import Foundation

/// Edits of a chapter's Swift blocks, written into its Markdown at the lines cmark reported
/// for each block (never by searching for their text): the new code between a block's fences,
/// and, on request, a new expected output after it. The notebook runs and saves through this.
struct ChapterEdit: Sendable, Equatable {
    /// The new code of each edited block, by block id.
    var code: [Int: String] = [:]
    /// The new expected output of blocks, by block id: rewrites the block's `output` block, or
    /// adds one right after the block.
    var expectedOutput: [Int: String] = [:]

    /// The chapter's source with the edits applied. Throws, naming the file and line, when an
    /// edit names a block the chapter does not have.
    func apply(to chapter: Chapter) throws -> String {
        var lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let byID = Dictionary(uniqueKeysWithValues: chapter.blocks.map { ($0.id, $0) })
        for id in Set(code.keys).union(expectedOutput.keys) where byID[id] == nil {
            throw LessonError.source(
                file: chapter.file, line: 1, message: "the chapter has no Swift block \(id)")
        }
        // From the bottom up, so the lines of the blocks above stay where cmark put them.
        for block in chapter.blocks.reversed() {
            if let output = expectedOutput[block.id] {
                if let expected = block.expected {
                    let replacement = ExpectedOutputRewriter.fencedLines(
                        text: output, info: expected.info, opening: lines[expected.startLine - 1])
                    lines.replaceSubrange(
                        (expected.startLine - 1)...(expected.endLine - 1), with: replacement)
                } else {
                    let replacement = ExpectedOutputRewriter.fencedLines(
                        text: output, info: "", opening: lines[block.startLine - 1])
                    lines.insert(contentsOf: replacement, at: block.endLine)
                }
            }
            if let new = code[block.id] {
                let replacement = Self.fenced(code: new, opening: lines[block.startLine - 1])
                lines.replaceSubrange(
                    (block.startLine - 1)...(block.endLine - 1), with: replacement)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The block's fences around `code`, indented like them; the fences grow when the code
    /// holds a fence line as long.
    static func fenced(code: String, opening: String) -> [String] {
        let indent = String(opening.prefix { $0 == " " })
        let afterIndent = opening.dropFirst(indent.count)
        let character = afterIndent.first ?? "`"
        let length = afterIndent.prefix { $0 == character }.count
        var body = code.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if body.last == "" { body.removeLast() }
        let longest =
            body.map { $0.drop { $0 == " " }.prefix { $0 == character }.count }.max() ?? 0
        let fence = String(repeating: character, count: max(length, longest + 1))
        let info = afterIndent.dropFirst(length)
        return [indent + fence + info] + body.map { $0.isEmpty ? $0 : indent + $0 }
            + [indent + fence]
    }
}
