import Foundation
import Testing

@testable import LessonEngine

/// `lessons serve` rebuilds on save: the engine's `LiveServer`, serving a throwaway book on a
/// free port, is driven by writing its chapter as an editor would and reading the page back
/// over HTTP. The chapter is prose with a `norun` block, so no Swift is compiled and the
/// libraries are never built.
@Suite struct LiveServerTests {
    /// The chapter, saying which draft it is.
    static func chapter(_ draft: String) -> String {
        """
        # 1 Live · 实时

        ## 1.1 Saving · 保存

        The \(draft) draft.

        ```swift norun
        let saved = true
        ```

        """
    }

    /// Ways to save the chapter broken, each caught at a different stage of a rebuild.
    enum Breakage: CaseIterable, CustomTestStringConvertible {
        /// The chapter no longer parses.
        case unclosedFence
        /// It parses, but checking it fails.
        case unverifiedFormula
        /// It parses and checks, but its page cannot be rendered.
        case referenceToNoFormula

        var testDescription: String {
            switch self {
            case .unclosedFence: "an unclosed code fence"
            case .unverifiedFormula: "a formula no block verifies"
            case .referenceToNoFormula: "a reference to no formula"
            }
        }

        /// The broken chapter.
        var text: String {
            let text = LiveServerTests.chapter("broken")
            return switch self {
            case .unclosedFence: text.replacingOccurrences(of: "true\n```\n", with: "true\n")
            case .unverifiedFormula: text + "\n$$\nx = 1\n$$\n"
            case .referenceToNoFormula:
                text.replacingOccurrences(of: "draft.", with: "draft, as @eq:missing says.")
            }
        }

        /// How the problem is reported: its file, its line, and the start of its message.
        var problem: String {
            switch self {
            case .unclosedFence: "Chapters/01-live.md:7: error: this code fence is never closed"
            case .unverifiedFormula: "Chapters/01-live.md:11: formula is not verified"
            case .referenceToNoFormula:
                "Chapters/01-live.md:5: error: @eq:missing refers to no labelled formula"
            }
        }
    }

    /// Every line a live server reported.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
        func count(of text: String) -> Int { all.filter { $0.contains(text) }.count }
    }

    /// A throwaway book with one chapter, served by a live server on a free port.
    final class ServedBook: @unchecked Sendable {
        let root: URL
        let log = Log()
        let live: LiveServer

        /// Binds a port and builds the site: make it with `ServedBook.make`, off the test's
        /// thread.
        private init(chapter: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "live-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
            try Data(chapter.utf8).write(to: root.appendingPathComponent("Chapters/01-live.md"))
            // It looks often, so the tests are quick; they wait on what it serves, not on this.
            live = try LiveServer(
                workspace: Workspace(root: root), port: 0, interval: 0.05, log: log.append)
            try live.start()
        }

        static func make(chapter: String) async throws -> ServedBook {
            try await offThread { try ServedBook(chapter: chapter) }
        }

        deinit {
            live.stop()
            try? FileManager.default.removeItem(at: root)
        }

        /// Saves the chapter as editors do: written beside it, then renamed over it.
        func save(_ chapter: String) throws {
            try Data(chapter.utf8).write(
                to: root.appendingPathComponent("Chapters/01-live.md"), options: .atomic)
        }

        /// The chapter's page as served now.
        func page() throws -> String {
            let (status, body) = try LoopbackHTTP.get("/chapter1.html", port: live.server.port)
            try #require(status == 200)
            return body
        }

        /// What the server tells open pages, so that they reload when it changes.
        func version() throws -> String {
            try LoopbackHTTP.get("/__lessons/version", port: live.server.port).body
        }
    }

    /// Whether `condition` holds within `seconds` (generous: a rebuild here takes well under
    /// one, but the machine may be busy), looking every 50 ms.
    static func eventually(
        within seconds: Double = 60, _ condition: () throws -> Bool
    ) async throws -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    @Test func savingAChapterRebuildsTheServedPage() async throws {
        let book = try await ServedBook.make(chapter: Self.chapter("first"))
        #expect(try book.page().contains("The first draft."))
        let version = try book.version()

        try book.save(Self.chapter("second"))
        try #require(
            await Self.eventually { try book.page().contains("The second draft.") },
            "the page was not rebuilt; the server reported: \(book.log.all)")
        #expect(try !book.page().contains("The first draft."))
        // Pages are told last, once the site is swapped in and the rebuild reported.
        try #require(
            await Self.eventually { try book.version() != version },
            "open pages would not reload")
        #expect(book.log.all.last == "Site/ rewritten.")
    }

    /// Served pages are notebooks; the site on disk holds neither the notebook nor the token.
    @Test func theNotebookIsAddedAsPagesAreServedAndNeverWrittenToSite() async throws {
        let book = try await ServedBook.make(chapter: Self.chapter("first"))
        let served = try book.page()
        #expect(served.contains("<script src=\"/__lessons/notebook.js\"></script>"))
        #expect(served.contains("id=\"lessons-notebook\""))
        #expect(book.live.url.hasSuffix("/?token=\(book.live.server.token)"))
        let site = book.root.appendingPathComponent("Site")
        for name in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
            let data = FileManager.default.contents(atPath: site.appendingPathComponent(name).path)
            let text = String(decoding: data ?? Data(), as: UTF8.self)
            #expect(!text.contains(book.live.server.token), "\(name) holds the token")
            #expect(!text.contains("__lessons/notebook"), "\(name) holds the notebook")
        }
        let onDisk = try String(
            contentsOf: site.appendingPathComponent("chapter1.html"), encoding: .utf8)
        #expect(onDisk.contains("The first draft."))
    }

    @Test(arguments: Breakage.allCases)
    func aBrokenSaveKeepsTheLastGoodPageAndNamesItsLineUntilAFixRebuilds(
        breakage: Breakage
    ) async throws {
        let book = try await ServedBook.make(chapter: Self.chapter("first"))
        #expect(try book.page().contains("The first draft."))
        let version = try book.version()

        // Broken: reported, with its file and line, and the last good page is still served.
        try book.save(breakage.text)
        try #require(
            await Self.eventually { book.log.count(of: breakage.problem) > 0 },
            "no report of \(breakage.problem); the server reported: \(book.log.all)")
        #expect(book.log.count(of: "Site/ kept as it was") > 0)
        let page = try book.page()
        #expect(page.contains("The first draft."))
        #expect(!page.contains("broken"))
        #expect(try book.version() == version, "open pages would reload for nothing")

        // Fixed: rebuilt, and open pages told to reload.
        try book.save(Self.chapter("fixed"))
        try #require(
            await Self.eventually { try book.page().contains("The fixed draft.") },
            "the page was not rebuilt after the fix; the server reported: \(book.log.all)")
        try #require(
            await Self.eventually { try book.version() != version },
            "open pages would not reload")
        #expect(book.log.all.last == "Site/ rewritten.")
        #expect(book.log.count(of: breakage.problem) == 1, "reported once, not at every look")
    }

    /// A refresh that throws is reported, and the watcher goes on looking.
    @Test func theServerOutlivesABookItCannotRead() async throws {
        let book = try await ServedBook.make(chapter: Self.chapter("first"))
        let chapters = book.root.appendingPathComponent("Chapters")
        let away = book.root.appendingPathComponent("Chapters-away")
        try FileManager.default.moveItem(at: chapters, to: away)
        try #require(
            await Self.eventually { book.log.count(of: "Could not rebuild: ") > 0 },
            "the server reported: \(book.log.all)")
        #expect(try book.page().contains("The first draft."))

        try Data(Self.chapter("returning").utf8).write(
            to: away.appendingPathComponent("01-live.md"))
        try FileManager.default.moveItem(at: away, to: chapters)
        try #require(
            await Self.eventually { try book.page().contains("The returning draft.") },
            "the server reported: \(book.log.all)")
        #expect(
            book.log.count(of: "Could not rebuild: ") == 1,
            "said once, not at every look; the server reported: \(book.log.all)")
    }
}
