/// One piece of a chapter's prose that a translator translates as a whole: a heading, a
/// paragraph, a list item's paragraph, a table cell or a block quote's paragraph.
///
/// Its text is the Markdown source as written, so formulas, code spans and links stay inside
/// the message where the translator can move them; the lines of a paragraph are joined with
/// single spaces, and list indentation and block-quote markers are left out.
public struct TranslationUnit: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case heading
        case paragraph
        case listItem = "list item"
        case tableCell = "table cell"
        case blockQuote = "block quote"
    }

    public var kind: Kind
    /// The chapter file, relative to the book's root.
    public var file: String
    /// The unit's first line in that file.
    public var line: Int
    /// The message: the unit's Markdown source.
    public var text: String

    /// `Chapters/03-core-algorithms.md:128`, as a catalog's `#:` reference gives it.
    public var reference: String { "\(file):\(line)" }
}
