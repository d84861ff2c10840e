extension MarkdownNode {
    /// The text of a node's inline content with all markup dropped, e.g. a heading's title.
    ///
    /// Text and code spans contribute their characters, line breaks a space, math its TeX,
    /// a table its cells separated by spaces; raw HTML contributes nothing.
    var plainText: String {
        switch kind {
        case .text(let string), .code(let string):
            return string
        case .softBreak, .lineBreak:
            return " "
        case .math(let tex, _, _):
            return tex
        case .htmlInline, .htmlBlock:
            return ""
        case .table, .tableRow:
            return children.map(\.plainText).joined(separator: " ")
        default:
            return children.map(\.plainText).joined()
        }
    }
}
