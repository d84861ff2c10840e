import Foundation

/// A Swift code block of a chapter, where it stands, and what it must print.
public struct CodeBlock: Sendable, Equatable, Identifiable {
    /// Position among the chapter's Swift blocks, from 0.
    public var id: Int
    /// The chapter file, relative to the book's root (e.g. `Chapters/03-core-algorithms.md`).
    public var file: String
    /// The line of the opening fence.
    public var startLine: Int
    /// The line of the closing fence.
    public var endLine: Int
    public var code: String
    public var options: BlockOptions
    public var expected: ExpectedOutput?
    /// The id of the section the block stands in (`3.1.1`), or nil before the first section.
    public var section: String?

    /// The first line of code, the one after the opening fence.
    public var codeLine: Int { startLine + 1 }

    /// Where the block stands, as `file:line` of its opening fence.
    public var location: String { "\(file):\(startLine)" }

    /// True if the block is compiled and run at all.
    public var runs: Bool { !options.noRun }

    /// A short title for progress lines: its name, or its first line of code.
    public var title: String {
        if let name = options.name { return name }
        let first = code.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) }
        let line = String(first ?? "").trimmingCharacters(in: .whitespaces)
        return line.count > 60 ? String(line.prefix(57)) + "…" : line
    }

    /// True if the line (in the chapter file) is inside the block's code.
    public func contains(line: Int) -> Bool { line > startLine && line < endLine }
}
