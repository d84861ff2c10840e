import Testing

@testable import LessonEngine

@Suite struct PrintPageTests {
    @Test func idsAndLinksArePrefixedByTheirChapter() {
        let body = """
            <h1 id="top">T</h1><a href="#eq:x">(3.1)</a><a href="chapter4.html#section-4.1">4.1</a>
            <a href="chapter4.html">4</a><a href="formulas.html#eq:x">f</a><svg aria-labelledby="figure-3.1">
            """
        let html = PrintPage.prefixed(
            body, chapter: "chapter3", chapters: ["chapter3", "chapter4"])
        #expect(
            html == """
                <h1 id="chapter3-top">T</h1><a href="#chapter3-eq:x">(3.1)</a><a href="#chapter4-section-4.1">4.1</a>
                <a href="#chapter4">4</a><a href="formulas.html#eq:x">f</a><svg aria-labelledby="chapter3-figure-3.1">
                """)
    }
}
