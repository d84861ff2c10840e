/// A chapter's Markdown, parsed: the CommonMark tree with its math restored, and the
/// formulas found.
///
/// Math is written as in pandoc: `$ … $` inline, `$$ … $$` display, and a display formula
/// may carry a label on the line of its closing dollars, `$$ {#eq:sigmoid}`, which becomes
/// its HTML `id`. `\$` is a literal dollar. Source positions are those of the real source:
/// line numbers everywhere, and columns except after a formula on its own lines.
struct MarkdownDocument: Sendable, Equatable {
    /// The `.document` node.
    var root: MarkdownNode
    /// Every formula in the tree, in source order.
    var math: [MathSpan]

    /// Parses a chapter.
    ///
    /// Throws when a `$$` is not closed before the next blank line, code block or heading.
    static func parse(_ source: String) throws(MarkdownError) -> MarkdownDocument {
        let protected = try MathProtector.protect(source)
        guard !protected.placeholders.spans.isEmpty else {
            return MarkdownDocument(root: protected.rawDocument, math: [])
        }
        var restorer = MathRestorer(placeholders: protected.placeholders)
        let root = restorer.restore(CommonMark.parse(protected.source))
        return MarkdownDocument(root: root, math: restorer.restoredSpans)
    }

    /// The chapter as HTML; `codeBlock` may render any code block in cmark's stead.
    func html(codeBlock: ((MarkdownNode) -> String?)? = nil) -> String {
        HTMLRenderer(codeBlock: codeBlock).render(root)
    }
}
