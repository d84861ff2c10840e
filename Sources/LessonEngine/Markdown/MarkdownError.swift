/// A problem in a chapter's Markdown that the author must fix.
enum MarkdownError: Error, Equatable, CustomStringConvertible {
    /// A `$$` opened display math that no `$$` closes before the paragraph ends.
    ///
    /// A lone `$$` in prose stays an error rather than text: far more often it is a formula
    /// whose closing `$$` was forgotten, whose TeX would otherwise appear as prose. The
    /// message says how to write the two dollars as text.
    case unterminatedDisplayMath(SourcePosition)

    /// What is wrong, without the place.
    var message: String {
        switch self {
        case .unterminatedDisplayMath:
            "display math opened with $$ is not closed by $$ before the next blank line "
                + "(to write $$ as text, escape it as \\$\\$; \\$ is a literal dollar)"
        }
    }

    var description: String {
        switch self {
        case .unterminatedDisplayMath(let position):
            "line \(position.line), column \(position.column): \(message)"
        }
    }
}
