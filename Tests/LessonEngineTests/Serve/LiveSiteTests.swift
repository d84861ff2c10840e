import Foundation
import Testing

@testable import LessonEngine

/// One refresh of `lessons serve` at a time: what it reruns and reports after each save.
/// The chapters' Swift blocks are `norun`, so nothing compiles.
@Suite struct LiveSiteTests {
    /// A chapter; `prose` paragraphs push its block down, `closed: false` breaks its fence.
    static func chapter(_ number: Int, prose: Int = 1, closed: Bool = true) -> String {
        "# \(number) Chapter \(number)\n\n"
            + String(repeating: "Some prose.\n\n", count: prose)
            + "```swift norun\nlet n = \(number)\n" + (closed ? "```\n" : "")
    }

    /// A throwaway book holding the chapters, by file name.
    static func makeBook(_ chapters: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "live-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        for (name, text) in chapters { try save(text, as: name, in: root) }
        return root
    }

    static func save(_ text: String, as name: String, in root: URL) throws {
        try Data(text.utf8).write(
            to: root.appendingPathComponent("Chapters/\(name)"), options: .atomic)
    }

    static func unclosed(_ file: String, line: Int) -> String {
        "Chapters/\(file):\(line): error: this code fence is never closed: "
            + "add a closing fence after the block"
    }

    /// A translator's save to `po/` rewrites the translated edition, running nothing.
    @Test func aSavedTranslationRewritesTheTranslatedEdition() throws {
        let root = try Self.makeBook(["01-one.md": Self.chapter(1)])
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root)
        try workspace.updateTranslations(language: "zh-CN")
        var site = try LiveSite(workspace: workspace)
        _ = try site.refresh()
        let page = root.appendingPathComponent("Site/zh/chapter1.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Some prose."))

        let url = workspace.translationsFolder.appendingPathComponent("zh-CN.po")
        var catalog = try POCatalog.parse(String(contentsOf: url, encoding: .utf8), file: "po")
        let index = try #require(catalog.entries.firstIndex { $0.id == "Some prose." })
        catalog.entries[index].translation = "一些文字。"
        try Data(catalog.text.utf8).write(to: url, options: .atomic)
        let change = try #require(try site.refresh(), "the save to po/ was not seen")
        #expect(change == LiveSite.Change(rerun: [], problems: []))
        #expect(try String(contentsOf: page, encoding: .utf8).contains("一些文字。"))
    }

    @Test func aBreakageIsReportedOnceAndEachNewOneAgain() throws {
        let root = try Self.makeBook(["01-one.md": Self.chapter(1), "02-two.md": Self.chapter(2)])
        defer { try? FileManager.default.removeItem(at: root) }
        var site = try LiveSite(workspace: Workspace(root: root))
        let first = try #require(try site.refresh())
        #expect(
            first
                == LiveSite.Change(
                    rerun: ["Chapters/01-one.md", "Chapters/02-two.md"], problems: []))
        #expect(try site.refresh() == nil, "nothing saved, nothing to do")

        try Self.save(Self.chapter(2, closed: false), as: "02-two.md", in: root)
        #expect(try site.refresh()?.problems == [Self.unclosed("02-two.md", line: 5)])
        #expect(try site.refresh() == nil, "reported once, not at every look")

        // Saved again, still broken, elsewhere: the new line is reported.
        try Self.save(Self.chapter(2, prose: 3, closed: false), as: "02-two.md", in: root)
        #expect(try site.refresh()?.problems == [Self.unclosed("02-two.md", line: 9)])
        #expect(try site.refresh() == nil)

        // Every chapter broken: the site has no result left, and still says it once.
        try Self.save(Self.chapter(1, closed: false), as: "01-one.md", in: root)
        #expect(
            try site.refresh()?.problems == [
                Self.unclosed("01-one.md", line: 5), Self.unclosed("02-two.md", line: 9),
            ])
        #expect(try site.refresh() == nil, "reported once, not at every look")

        try Self.save(Self.chapter(1), as: "01-one.md", in: root)
        try Self.save(Self.chapter(2), as: "02-two.md", in: root)
        // Fixed back to the texts of the first refresh: the result cache still holds their runs.
        let fixed = try #require(try site.refresh())
        #expect(fixed == LiveSite.Change(rerun: [], problems: []))
        let page = try String(
            contentsOf: root.appendingPathComponent("Site/chapter2.html"), encoding: .utf8)
        #expect(page.contains("Chapter 2"))
    }

    /// A save that changes only prose reruns nothing: the result cache `lessons build` uses
    /// holds the chapter's run. A change to the code reruns it.
    @Test func aProseEditRerunsNothing() throws {
        let code = "```swift\nprint(6 * 7)\n```\n\n```output\n42\n```\n"
        let root = try Self.makeBook(["01-one.md": "# 1 One\n\nProse.\n\n" + code])
        defer { try? FileManager.default.removeItem(at: root) }
        var workspace = Workspace(root: root)
        workspace.toolchain = try TestPackage.toolchain()
        var site = try LiveSite(workspace: workspace)
        #expect(try site.refresh() == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))

        try Self.save(
            "# 1 One\n\nNew prose,\n\nin two paragraphs.\n\n" + code, as: "01-one.md", in: root)
        #expect(try site.refresh() == LiveSite.Change(rerun: [], problems: []))
        let page = try String(
            contentsOf: root.appendingPathComponent("Site/chapter1.html"), encoding: .utf8)
        #expect(page.contains("in two paragraphs.") && page.contains("42"))

        try Self.save(
            "# 1 One\n\nProse.\n\n" + code.replacingOccurrences(of: "6 * 7", with: "7 * 6"),
            as: "01-one.md", in: root)
        #expect(try site.refresh() == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))
    }

    /// `lessons build` (or `check --accept`) holds the book's lock: serve leaves `Site/` to
    /// it, says so, and writes again at the next save.
    @Test func aSiteAnotherCommandIsWritingIsLeftToIt() throws {
        let root = try Self.makeBook(["01-one.md": Self.chapter(1, prose: 1)])
        defer { try? FileManager.default.removeItem(at: root) }
        var site = try LiveSite(workspace: Workspace(root: root))
        #expect(try site.refresh()?.siteWritten == true)
        let page = root.appendingPathComponent("Site/chapter1.html")
        let before = try Data(contentsOf: page)

        var build: BuildLock? = try BuildLock(root: root)
        try Self.save(Self.chapter(1, prose: 2), as: "01-one.md", in: root)
        let refused = try #require(try site.refresh())
        #expect(refused.problems.count == 1)
        #expect(
            refused.problems.first?.contains(
                "another lessons command is writing to this book (process \(getpid()))") == true,
            "\(refused.problems)")
        #expect(try Data(contentsOf: page) == before)
        withExtendedLifetime(build) {}
        build = nil

        try Self.save(Self.chapter(1, prose: 3), as: "01-one.md", in: root)
        #expect(try site.refresh()?.siteWritten == true)
        #expect(try Data(contentsOf: page) != before)
    }

    /// A site that cannot be written is a problem reported like any other, not an error that
    /// ends the refresh and loses its report.
    @Test func aSiteThatCannotBeWrittenIsReported() throws {
        let root = try Self.makeBook(["01-one.md": Self.chapter(1)])
        defer { try? FileManager.default.removeItem(at: root) }
        // The staging folder's parent is a file, so the new site cannot be written.
        try Data("in the way".utf8).write(to: root.appendingPathComponent(".build-lessons"))
        var site = try LiveSite(workspace: Workspace(root: root))
        let change = try #require(try site.refresh())
        #expect(change.rerun == ["Chapters/01-one.md"])
        #expect(change.problems.count == 1)
        #expect(change.problems.first?.hasPrefix("Site/ could not be written: ") == true)
    }

    /// A book whose one library, `Tiny`, prints `tinyValue`; it builds in seconds.
    static func makeTinyPackage(value: Int, chapter: String) throws -> Workspace {
        let root = try TinyPackage.make(
            libraries: ["Tiny"], value: value, chapters: ["01-one.md": chapter])
        var workspace = Workspace(root: root, timeLimit: 120)
        workspace.toolchain.libraries = ["Tiny"]
        return workspace
    }

    static func setTinyValue(_ value: Int, in root: URL) throws {
        try TinyPackage.setValue(value, of: "Tiny", in: root)
    }

    static func tinyChapter(_ label: String) -> String {
        "# 1 One\n\n```swift\nprint(\"\(label)\", tinyValue)\n```\n"
    }

    /// What the chapter's block printed, on the page `lessons serve` keeps and from a later
    /// `lessons check`, which reads the result cache.
    static func printed(_ site: LiveSite) throws -> (live: String?, checked: String?) {
        let report = site.workspace.check(book: try site.workspace.loadBook(), jobs: 1)
        #expect(report.results.first?.fromCache == true, "check found the run in the cache")
        return (
            site.results.first?.blocks.first?.output, report.results.first?.blocks.first?.output
        )
    }

    /// A library edited, then a chapter saved: the edit alone rebuilds the libraries and
    /// reruns the chapter, and the save after it runs against the new build. Before, the
    /// edit went unseen and the save ran against the old build, caching its output under the
    /// new sources' key, where a later `check` or `build` found it.
    @Test func aLibraryEditThenAChapterSaveRunAgainstTheNewBuild() throws {
        let workspace = try Self.makeTinyPackage(value: 1, chapter: Self.tinyChapter("value"))
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        var site = try LiveSite(workspace: workspace)
        #expect(try site.refresh()?.problems == [])
        #expect(try Self.printed(site) == ("value 1\n", "value 1\n"))

        try Self.setTinyValue(2, in: workspace.root)
        let rebuilt = try site.refresh()
        #expect(rebuilt == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))
        #expect(try Self.printed(site) == ("value 2\n", "value 2\n"))

        try Self.save(Self.tinyChapter("now"), as: "01-one.md", in: workspace.root)
        #expect(try site.refresh() == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))
        #expect(try Self.printed(site) == ("now 2\n", "now 2\n"))
    }

    /// A chapter saved, then a library edited: the save runs at once, and the edit rebuilds
    /// and reruns it, so what is cached for the new sources is what the new build prints.
    @Test func aChapterSaveThenALibraryEditRunAgainstTheNewBuild() throws {
        let workspace = try Self.makeTinyPackage(value: 1, chapter: Self.tinyChapter("value"))
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        var site = try LiveSite(workspace: workspace)
        #expect(try site.refresh()?.problems == [])

        try Self.save(Self.tinyChapter("now"), as: "01-one.md", in: workspace.root)
        #expect(try site.refresh() == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))
        #expect(try Self.printed(site) == ("now 1\n", "now 1\n"))

        try Self.setTinyValue(3, in: workspace.root)
        #expect(try site.refresh() == LiveSite.Change(rerun: ["Chapters/01-one.md"], problems: []))
        #expect(try Self.printed(site) == ("now 3\n", "now 3\n"))
        #expect(try site.refresh() == nil, "nothing changed since")
    }
}
