extension MarkdownNode {
    /// The text a reader sees in a node's inline content, for places that hold plain text
    /// only (titles, the table of contents, search): like `plainText`, but formulas read as
    /// `TeXPlainText` renders them (`σ(z)`, not `\sigma(z)`).
    var readerText: String {
        switch kind {
        case .math(let tex, _, _):
            return TeXPlainText.text(tex)
        case .table, .tableRow:
            return children.map(\.readerText).joined(separator: " ")
        case .text, .code, .softBreak, .lineBreak, .htmlInline, .htmlBlock:
            return plainText
        default:
            return children.map(\.readerText).joined()
        }
    }
}
