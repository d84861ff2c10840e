import Foundation
import Testing

@testable import LessonEngine

@Suite struct ChapterPageTests {
    static func page(_ markdown: String, math: MathCatalog = MathCatalog()) throws -> ChapterPage {
        let chapter = try ChapterParser(file: "Chapters/01-a.md", source: markdown).parse()
        return ChapterPage(
            chapter: chapter, results: [:], formulas: FormulaCatalog(chapters: [chapter]),
            math: math, chapterPages: ["03-core.md": "chapter3.html"])
    }

    /// Chinese in the text is marked, so browsers draw it with Chinese glyphs.
    @Test func chineseRunsInTextAreMarked() throws {
        let html = try Self.page("# 1 A · 甲\n\nThe article says “深度学习 是” here, and *勘误*.\n").body()
        #expect(html.contains("The article says “<span lang=\"zh\">深度学习 是</span>” here"))
        #expect(html.contains("<em><span lang=\"zh\">勘误</span></em>"))
        #expect(html.contains("<span class=\"original\" lang=\"zh\">甲</span>"))
    }

    /// Math in an image's description becomes plain text in `alt`, never markup.
    @Test func mathInAltTextIsPlainText() throws {
        let tex = "\\alpha"
        let math = MathCatalog(typesetting: [
            MathRenderer.Request(tex: tex, display: false): "<span class=\"katex\">α</span>"
        ])
        let html = try Self.page("# 1 A\n\n![a $\\alpha$ b](x.png)\n", math: math).body()
        #expect(html.contains(#"<img src="x.png" alt="a α b" />"#))
    }

    /// A formula the catalog typesets but holds no rendering for fails at its line, rather
    /// than showing TeX to the reader.
    @Test func aMissingRenderingFailsAtItsLine() throws {
        let page = try Self.page("# 1 A\n\nSome $x^2$.\n", math: MathCatalog(typesetting: [:]))
        #expect(throws: LessonError.self) { try page.body() }
        do {
            _ = try page.body()
        } catch {
            #expect(
                error.description.hasPrefix(
                    "Chapters/01-a.md:3: error: no typeset rendering of $x^2$"))
        }
    }

    @Test func theFormulaPageFailsOnAMissingRendering() throws {
        let chapter = try ChapterParser(
            file: "Chapters/01-a.md", source: "# 1 A\n\n$$\ny = x\n$$\n\n```swift\nprint(1)\n```\n"
        ).parse()
        let page = FormulaIndexPage(
            formulas: FormulaCatalog(chapters: [chapter]), math: MathCatalog(typesetting: [:]),
            results: [:])
        #expect(throws: LessonError.self) { try page.body() }
    }

    @Test func linksToChapterFilesLeadToTheirPages() throws {
        let html = try Self.page("# 1 A\n\nSee [3](03-core.md#x) and [b](other.md).\n").body()
        #expect(html.contains(#"<a href="chapter3.html#x">3</a>"#))
        #expect(html.contains(#"<a href="other.md">b</a>"#))
    }

    @Test func titlesAreReadAsPlainText() throws {
        let chapter = try ChapterParser(
            file: "Chapters/01-a.md",
            source: "# 1 The $\\sigma(z)$ page\n\n## 1.1 Its $x_1^2$ · 甲\n"
        ).parse()
        #expect(chapter.title == "The σ(z) page")
        #expect(chapter.sections.first?.title == "Its x₁²")
    }
}

@Suite struct TeXPlainTextTests {
    @Test(arguments: [
        ("\\sigma(z)", "σ(z)"),
        ("\\frac{1}{1 + e^{-x}}", "1/(1 + e^(-x))"),
        ("L = -[y \\log \\hat y + (1-y)\\log(1-\\hat y)]", "L = -[y log ŷ + (1-y)log(1-ŷ)]"),
        ("\\mathbf{w}^\\top \\mathbf{x}", "wᵀ x"),
        ("x_{t-1}", "xₜ₋₁"),
        ("W_{hh}", "W_hh"),
    ])
    func texReadsAsText(tex: String, text: String) {
        #expect(TeXPlainText.text(tex) == text)
    }
}

@Suite struct LanguageMarkupTests {
    @Test func runsSpanNeutralCharactersButStopAtLatinLetters() {
        #expect(LanguageMarkup.escape("a 深度 学习 b") == "a <span lang=\"zh\">深度 学习</span> b")
        #expect(LanguageMarkup.escape("x <y>") == "x &lt;y&gt;")
        #expect(LanguageMarkup.escape("勘误 & 说明") == "<span lang=\"zh\">勘误 &amp; 说明</span>")
    }
}
