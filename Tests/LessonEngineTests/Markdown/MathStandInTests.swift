import Testing

@testable import LessonEngine

/// While cmark parses, a formula is a stand-in token; next to `*` and `_` it must count as
/// punctuation does (CommonMark's left- and right-flanking rules), so emphasis around and
/// beside a formula comes out as cmark makes it around and beside a `)`.
@Suite struct MathStandInTests {
    private static let formula = #"<span class="math inline">\(x\)</span>"#

    /// cmark's HTML for `source` with each `)` standing for the formula `$x$`.
    private func cmarkWithPunctuation(_ source: String) -> String {
        CommonMark.referenceHTML(source.replacing("$x$", with: ")"))
            .replacing(")", with: Self.formula)
    }

    @Test(arguments: [
        "$x$_emphasis_", "**$x$**bold", "_$x$_", "*$x$*", "a*$x$*b", "a_$x$_b", "__$x$__ strong",
        "$x$*y* and *y*$x$", "*a $x$*b", "**a**$x$", "$x$**a**", "_a_$x$_b_", "word_$x$_",
        "***$x$*** and _$x$ a_", "*$x$\nsoft* and $x$*", "$x$__a__$x$",
    ])
    func aFormulaFlanksEmphasisAsPunctuationDoes(source: String) throws {
        let html = try MarkdownDocument.parse(source).html()
        #expect(html == cmarkWithPunctuation(source), "\(source.debugDescription)")
    }

    @Test func theIssuesTwoExamples() throws {
        let emphasis = try MarkdownDocument.parse("$x$_emphasis_").html()
        #expect(emphasis == "<p>\(Self.formula)<em>emphasis</em></p>\n")
        let bold = try MarkdownDocument.parse("**$x$**bold").html()
        #expect(bold == "<p>**\(Self.formula)**bold</p>\n")
    }

    /// A lone `$$` in prose is an error (see `MarkdownError`); escaped, it is two dollars.
    @Test func escapedDoubleDollarsAreText() throws {
        #expect(throws: MarkdownError.self) { try MarkdownDocument.parse("Costs $$ are high.") }
        let document = try MarkdownDocument.parse("Costs \\$\\$ are high.")
        #expect(document.math == [])
        #expect(document.html() == "<p>Costs $$ are high.</p>\n")
    }
}
