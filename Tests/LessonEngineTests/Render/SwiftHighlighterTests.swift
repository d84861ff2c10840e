import Testing

@testable import LessonEngine

@Suite struct SwiftHighlighterTests {
    @Test func tokensAreClassifiedAndTheTextIsKept() {
        let code = "let x: Double = 1.5 // half\nprint(\"a < b\", x)\n"
        let html = SwiftHighlighter.html(code)
        #expect(html.contains(#"<span class="hl-keyword">let</span>"#))
        #expect(html.contains(#"<span class="hl-type">Double</span>"#))
        #expect(html.contains(#"<span class="hl-number">1.5</span>"#))
        #expect(html.contains(#"<span class="hl-comment">// half</span>"#))
        #expect(html.contains(#"<span class="hl-string">&quot;a &lt; b&quot;</span>"#))
        // Dropping the tags gives back the escaped code exactly.
        let text = html.replacing(/<\/?span[^>]*>/, with: "")
        #expect(text == HTMLEscaping.escape(code))
    }
}
