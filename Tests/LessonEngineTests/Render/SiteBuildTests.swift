import Foundation
import Testing

@testable import LessonEngine

@Suite struct SiteBuildTests {
    /// A throwaway book with one chapter and an old site holding a marker file.
    func makeBook(chapter: String) throws -> Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "site-\(UUID().uuidString)")
        for name in ["Chapters", "Site"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try Data(chapter.utf8).write(to: folder.appendingPathComponent("Chapters/01-test.md"))
        try Data("old".utf8).write(to: folder.appendingPathComponent("Site/marker.txt"))
        var workspace = Workspace(root: folder)
        workspace.toolchain = try TestPackage.toolchain()
        return workspace
    }

    let passing = """
        # 1 A page · 一页

        ## 1.1 Math and code

        Inline $a_1 * b_2$ and a formula:

        $$
        y = x_1 * x_2
        $$

        ```swift
        print("printed <b>by</b> the code")
        ```

        ```output
        printed <b>by</b> the code
        ```

        ```swift hidden
        print("setup is not shown")
        ```
        """

    @Test func aPassingBuildReplacesTheSiteWithPagesShowingRealOutput() throws {
        let workspace = try makeBook(chapter: passing)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(report.passed, "\(report.problems)")
        let site = workspace.root.appendingPathComponent("Site")
        #expect(
            !FileManager.default.fileExists(atPath: site.appendingPathComponent("marker.txt").path))
        let page = try String(
            contentsOf: site.appendingPathComponent("chapter1.html"), encoding: .utf8)
        #expect(page.contains(#"<pre class="output"><samp>printed &lt;b&gt;by&lt;/b&gt; the code"#))
        #expect(page.contains(#"<span class="math inline">\(a_1 * b_2\)</span>"#))
        #expect(page.contains(#"<div class="math display">\[y = x_1 * x_2\]</div>"#))
        #expect(!page.contains("setup is not shown"))
        let index = try String(
            contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            index.contains(
                #"<a href="chapter1.html">1 A page</a> <span class="original" lang="zh">· 一页</span>"#
            ))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let workspace = try makeBook(chapter: passing)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let site = workspace.root.appendingPathComponent("Site")
        func snapshot() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
            return try Dictionary(
                uniqueKeysWithValues: names.map {
                    ($0, try Data(contentsOf: site.appendingPathComponent($0)))
                })
        }
        _ = try workspace.build(book: workspace.loadBook(), jobs: 1)
        let first = try snapshot()
        _ = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(try snapshot() == first)
    }

    @Test func aFailingBuildLeavesThePreviousSiteUntouched() throws {
        let workspace = try makeBook(
            chapter: passing.replacingOccurrences(
                of: "```output\nprinted", with: "```output\nnot printed"))
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(!report.passed)
        let site = workspace.root.appendingPathComponent("Site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["marker.txt"])
    }

    @Test func renderPrintsTheBodyWithoutRunningCode() throws {
        let html = try Renderer.body(markdown: passing, file: "x.md")
        #expect(
            html.contains(
                #"<pre><code class="language-swift">print(&quot;printed &lt;b&gt;by&lt;/b&gt; the code&quot;)"#
            ))
        #expect(!html.contains("<samp>"))
        #expect(html.hasPrefix("<h1>1 A page · 一页</h1>\n<h2>1.1 Math and code</h2>"))
    }
}
