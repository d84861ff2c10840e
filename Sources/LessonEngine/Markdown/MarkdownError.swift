/// A problem in a chapter's Markdown that the author must fix.
enum MarkdownError: Error, Equatable, CustomStringConvertible {
    /// A `$$` opened display math that no `$$` closes before the paragraph ends.
    case unterminatedDisplayMath(SourcePosition)

    var description: String {
        switch self {
        case .unterminatedDisplayMath(let position):
            "line \(position.line), column \(position.column): display math opened with $$ is "
                + "not closed by $$ before the next blank line (write \\$ for a literal dollar)"
        }
    }
}
