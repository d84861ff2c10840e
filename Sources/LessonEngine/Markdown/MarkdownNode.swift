/// One node of a parsed Markdown document: a plain Swift value, with no tie to cmark's memory.
///
/// The kinds are CommonMark's, GitHub's pipe tables (see `PipeTable`), and `.math`, which
/// only math restoration produces (see `MarkdownDocument`).
struct MarkdownNode: Sendable, Equatable {
    /// What a node is, with the data cmark keeps for that kind.
    enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool, delimiter: ListDelimiter)
        case item
        /// A code block; `fenced` is false for indented code, whose `info` is always empty.
        case codeBlock(info: String, literal: String, fenced: Bool)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        /// A GitHub pipe table: its children are rows, the header row first.
        case table
        /// A table row; `header` for the first row, whose cells are headings (`<th>`).
        case tableRow(header: Bool)
        /// A table cell, aligned as the delimiter row aligns its column; holds inlines.
        case tableCell(alignment: TableAlignment)
        /// A formula: `display` for `$$ … $$`, otherwise `$ … $`; `label` from `{#…}`.
        ///
        /// A display formula alone in its paragraph replaces that paragraph as a block;
        /// anywhere else a math node is inline.
        case math(tex: String, display: Bool, label: String?)
    }

    /// How an ordered list's numbers end: `1.` or `1)`; `none` for bullet lists.
    enum ListDelimiter: Sendable, Equatable {
        case none
        case period
        case parenthesis
    }

    /// A table column's alignment: `:--` left, `:-:` centre, `--:` right, `---` none.
    enum TableAlignment: Sendable, Equatable {
        case none
        case left
        case center
        case right
    }

    var kind: Kind
    var children: [MarkdownNode]
    /// Where the node came from; nil where cmark gives no position.
    var range: SourceRange?

    init(_ kind: Kind, children: [MarkdownNode] = [], range: SourceRange? = nil) {
        self.kind = kind
        self.children = children
        self.range = range
    }
}
