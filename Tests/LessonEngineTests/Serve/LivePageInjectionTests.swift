import Foundation
import Testing

@testable import LessonEngine

/// What `lessons serve` adds to the pages it sends.
@Suite struct LivePageInjectionTests {
    static let page = """
        <html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
        script-src 'none'; connect-src 'none'; img-src 'self'"></head>
        <body><p>text</p></body></html>
        """

    @Test func theNotebookScriptsAndConnectionsToThisOriginAreAllowed() throws {
        let html = LivePageInjection.inject(into: Self.page, page: nil)
        #expect(
            html.contains(
                "default-src 'none'; img-src 'self'; script-src 'self'; connect-src 'self'"))
        #expect(!html.contains("'none'; connect-src 'none'"))
        #expect(html.contains("<script src=\"/__lessons/notebook.js\"></script>\n</body>"))
    }

    @Test func codeCannotCloseTheDataScript() throws {
        let chapter = try ChapterParser(
            file: "Chapters/01-x.md",
            source: "# 1 X\n\n```swift\nprint(\"</script><script>alert(1)</script>\")\n```\n"
        ).parse()
        let html = LivePageInjection.inject(into: Self.page, page: NotebookPage(chapter))
        let data = try #require(html.components(separatedBy: "id=\"lessons-notebook\">").last)
        let json = try #require(data.components(separatedBy: "</script>").first)
        #expect(!json.contains("<"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let blocks = try #require(decoded?["blocks"] as? [[String: Any]])
        #expect(blocks.first?["code"] as? String == chapter.blocks[0].code)
        #expect(decoded?["hash"] as? String == SHA256.hash(chapter.source))
    }
}
