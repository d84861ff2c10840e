/// A point in Markdown source, as cmark reports it.
///
/// Both numbers are 1-based; `column` counts UTF-8 bytes, not characters. cmark reports
/// column 0 for the end of some blocks that finish with a blank line.
struct SourcePosition: Sendable, Equatable, Hashable, Comparable {
    var line: Int
    var column: Int

    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The stretch of source a node was parsed from; both ends are inclusive.
struct SourceRange: Sendable, Equatable, Hashable {
    var start: SourcePosition
    var end: SourcePosition

    /// The lines the range touches, first to last.
    var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }
}
