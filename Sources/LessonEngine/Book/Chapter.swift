/// One Markdown file of `Chapters/`: its sections, Swift blocks and display formulas.
public struct Chapter: Sendable {
    /// `chapter3` for a numbered chapter, else the file's name without number and extension.
    public var id: String
    /// The article's number (`3`), if the chapter's title is numbered.
    public var number: String?
    public var title: String
    public var originalTitle: String?
    /// The file, relative to the book's root: `Chapters/03-core-algorithms.md`.
    public var file: String
    public var source: String
    public var sections: [Section]
    public var blocks: [CodeBlock]
    public var formulas: [Formula]
    /// The parsed Markdown, for rendering.
    var document: MarkdownDocument

    /// The section with this id, if the chapter has it.
    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    /// The blocks that belong to a section (or its subsections).
    public func blocks(in section: Section) -> [CodeBlock] {
        blocks.filter { $0.section.map(section.contains) ?? false }
    }
}
