/// One formula found in a chapter's source.
struct MathSpan: Sendable, Equatable {
    /// The TeX between the dollars, exactly as written; a display formula is trimmed of
    /// surrounding whitespace, and on its continuation lines block-quote markers and list
    /// indentation are removed.
    var tex: String
    /// True for `$$ … $$`, false for `$ … $`.
    var display: Bool
    /// The label of a display formula, from `{#label}` after its closing `$$`.
    var label: String?
    /// Where the formula is, from its opening dollar to its closing dollar or label.
    var range: SourceRange

    /// The lines the formula spans, first to last.
    var lines: ClosedRange<Int> { range.lines }
}
