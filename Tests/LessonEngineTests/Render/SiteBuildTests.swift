import Foundation
import Testing

@testable import LessonEngine

@Suite struct SiteBuildTests {
    /// A throwaway book with one chapter and an old site holding a marker file.
    static func makeBook(chapter: String) throws -> Workspace {
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

    static let passing = """
        # 1 A page · 一页

        ## 1.1 Math and code · 数学

        Inline $a_1 * b_2$ and a formula:

        $$
        y = x_1 * x_2
        $$ {#eq:product}

        ```swift
        print("printed <b>by</b> the code <script>alert(1)</script>")
        ```

        ```output
        printed <b>by</b> the code <script>alert(1)</script>
        ```

        As @eq:product says, and again (@eq:product).

        ```swift hidden
        print("setup is not shown")
        ```

        ## 1.2 A table · 表格

        | quantity | value | formula |
        | :-- | --: | :-: |
        | product | 6 | $x_1 * x_2$ |
        | *old* norm | 2 | $|w|$ |
        """

    /// All files of a site folder, by relative path.
    static func snapshot(_ site: URL) throws -> [String: Data] {
        let manager = FileManager.default
        let paths = try manager.subpathsOfDirectory(atPath: site.path).sorted()
        var files: [String: Data] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            _ = manager.fileExists(
                atPath: site.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue {
                files[path] = try Data(contentsOf: site.appendingPathComponent(path))
            }
        }
        return files
    }

    @Test func aPassingBuildReplacesTheSiteWithPagesShowingRealOutput() throws {
        let workspace = try Self.makeBook(chapter: Self.passing)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(report.passed, "\(report.problems)")
        let site = workspace.root.appendingPathComponent("Site")
        #expect(
            !FileManager.default.fileExists(atPath: site.appendingPathComponent("marker.txt").path))
        let page = try String(
            contentsOf: site.appendingPathComponent("chapter1.html"), encoding: .utf8)
        // Output is escaped: nothing a program prints becomes markup.
        #expect(
            page.contains(
                "<samp>printed &lt;b&gt;by&lt;/b&gt; the code &lt;script&gt;alert(1)&lt;/script&gt;"
            ))
        #expect(!page.contains("<script>alert"))
        // Math is typeset at build time; the display formula is numbered and links its block.
        #expect(page.contains(#"<span class="math inline"><span class="katex">"#))
        #expect(page.contains(#"<div class="equation" id="eq:product">"#))
        #expect(page.contains(#"<span class="equation-number">(1.1)</span>"#))
        #expect(page.contains(##"<a class="badge passed" href="#block-0""##))
        #expect(page.contains(##"Verifies <a href="#eq:product">(1.1)</a>"##))
        #expect(page.contains(##"As <a class="eqref" href="#eq:product">(1.1)</a> says"##))
        #expect(page.contains(#"<span class="hl-keyword">"#) == false)  // print(…) has none
        #expect(page.contains(#"<span class="hl-string">"#))
        #expect(page.contains(#"<h2 id="section-1.1">"#))
        #expect(page.contains(#"<span class="original" lang="zh">数学</span>"#))
        #expect(page.contains(#"<a href="source/01-test.md">"#))
        #expect(!page.contains("setup is not shown"))
        // A pipe table, with its alignments, and math in its cells typeset like anywhere else.
        #expect(
            page.contains("<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">quantity</th>"))
        #expect(page.contains("<td style=\"text-align: right\">6</td>"))
        #expect(
            page.contains(
                #"<td style="text-align: center"><span class="math inline"><span class="katex">"#))
        #expect(page.contains("<td style=\"text-align: left\"><em>old</em> norm</td>"))
        let index = try String(
            contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            index.contains(
                #"<a href="chapter1.html">1 A page</a> <span class="original" lang="zh">一页</span>"#
            ))
        let formulas = try String(
            contentsOf: site.appendingPathComponent("formulas.html"), encoding: .utf8)
        #expect(formulas.contains(#"<a href="chapter1.html#eq:product">(1.1)</a>"#))
        #expect(formulas.contains(#"<span class="state passed">✓ passed</span>"#))
        let search = try String(
            contentsOf: site.appendingPathComponent("search-index.js"), encoding: .utf8)
        #expect(
            search.contains(#""title":"1.1 Math and code · 数学","url":"chapter1.html#section-1.1""#))
        #expect(search.contains("quantity value formula product 6 x₁ * x₂ old norm 2 |w|"))
        for asset in [
            "style.css", "site.js", "theme.js", "katex/katex.min.css",
            "katex/fonts/KaTeX_Main-Regular.woff2",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(asset).path))
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let workspace = try Self.makeBook(chapter: Self.passing)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let site = workspace.root.appendingPathComponent("Site")
        _ = try workspace.build(book: workspace.loadBook(), jobs: 1)
        let first = try Self.snapshot(site)
        _ = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(try Self.snapshot(site) == first)
        #expect(first.count > 10)
    }

    @Test func aFailingBuildLeavesThePreviousSiteUntouched() throws {
        let workspace = try Self.makeBook(
            chapter: Self.passing.replacingOccurrences(
                of: "```output\nprinted", with: "```output\nnot printed"))
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(!report.passed)
        let site = workspace.root.appendingPathComponent("Site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["marker.txt"])
    }

    @Test func aFormulaKaTeXCannotRenderFailsTheBuildAtItsFileAndLine() throws {
        let broken = Self.passing.replacingOccurrences(
            of: "y = x_1 * x_2", with: "y = \\frac{x_1}{x_2")
        let workspace = try Self.makeBook(chapter: broken)
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(!report.passed)
        let problem = try #require(report.problems.first)
        #expect(
            problem.hasPrefix(
                "Chapters/01-test.md:7: error: KaTeX cannot render $y = \\frac{x_1}{x_2$"))
        let site = workspace.root.appendingPathComponent("Site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["marker.txt"])
    }

    @Test func aReferenceToAMissingLabelFailsTheBuildAtItsLine() throws {
        let workspace = try Self.makeBook(
            chapter: Self.passing.replacingOccurrences(of: "As @eq:product", with: "As @eq:nothing")
        )
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let report = try workspace.build(book: workspace.loadBook(), jobs: 1)
        #expect(
            report.problems == [
                "Chapters/01-test.md:19: error: @eq:nothing refers to no labelled formula "
                    + "(label one with $$ … $$ {#eq:nothing})"
            ])
    }

    @Test func renderPrintsTheBodyWithoutRunningCode() throws {
        let html = try Renderer.body(markdown: Self.passing, file: "x.md")
        #expect(
            html.contains(#"<code class="language-swift"><span class="hl-identifier">"#) == false)
        #expect(html.contains(#"<span class="hl-string">&quot;printed &lt;b&gt;by&lt;/b&gt;"#))
        #expect(!html.contains("<samp>"))
        #expect(html.hasPrefix(#"<h1 id="top"><span class="section-number">1</span> A page "#))
    }
}
