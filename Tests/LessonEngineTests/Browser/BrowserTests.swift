import Foundation
import Testing

@testable import LessonEngine

/// The freshly built site in a real browser: headless Chromium loads every page from a local
/// server, and the tests read the DOM after the page's scripts ran and what it logged.
///
/// Skipped, saying so, only when Chromium is not installed; `.ci/run` installs it.
@Suite(
    .enabled(
        if: Chromium.isAvailable,
        "Chromium is not installed (apt-get install chromium): the browser tests are skipped"),
    .serialized)
struct BrowserTests {
    /// A server for the built site, shared by every test of the suite.
    static let server: Result<SiteServer, LessonError> = {
        do {
            let server = try SiteServer(site: try BuiltSite.folder())
            server.start()
            return .success(server)
        } catch let error as LessonError {
            return .failure(error)
        } catch {
            return .failure(.system("\(error)"))
        }
    }()

    static var pages: [String] {
        let folder = try? BuiltSite.folder()
        let names = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) }
        // The reference's index, module pages and one type page share every other api/ page's
        // layout; loading all of them would add minutes.
        let reference = [
            "api/index.html", "api/NeuralNet.html", "api/Brain.html", "api/Figures.html",
            "api/NeuralNet.LSTMCell.html",
        ]
        return ((names ?? []).filter { $0.hasSuffix(".html") } + reference).sorted()
    }

    func load(_ path: String, dark: Bool = false) throws -> (dom: String, console: [String]) {
        try Chromium.load(try Self.server.get().url + path, dark: dark)
    }

    @Test(arguments: pages)
    func everyPageLoadsWithTypesetMathAndNoConsoleMessages(page: String) throws {
        let (dom, console) = try load(page)
        #expect(console.isEmpty, "\(page) logged: \(console.joined(separator: "\n"))")
        #expect(dom.contains("<main id=\"content\">"))
        #expect(!dom.contains("katex-error"), "\(page) has a formula KaTeX could not render")
        // The site's script ran: it labels the theme toggle with the theme it switches to.
        #expect(dom.contains("Switch to the dark theme"))
    }

    @Test func theChapterShowsHighlightedCodeFiguresAndNumberedFormulas() throws {
        let (dom, _) = try load("chapter3.html")
        #expect(dom.components(separatedBy: "class=\"katex-display\"").count - 1 >= 4)
        #expect(dom.contains("<span class=\"hl-keyword\">let</span>"))
        #expect(dom.contains("class=\"copy-button\""))
        let figures = dom.components(separatedBy: "<figure class=\"plot\">").count - 1
        #expect(figures >= 2)
        #expect(dom.contains("aria-label=\"Line plot “Activation functions”"))
        #expect(dom.contains("Figure 3.2. Line plot “Their derivatives"))
        #expect(dom.contains("class=\"badge passed\""))
    }

    @Test func searchFindsAKnownTerm() throws {
        let (dom, console) = try load("search.html?q=vanishing%20gradient")
        #expect(console.isEmpty, "\(console)")
        // The count grows with the book; what matters is that search found the term, says how
        // often, and links the section that introduces it.
        #expect(dom.contains(/[1-9][0-9]* sections? mentions? “vanishing gradient”\./))
        #expect(dom.contains("<a href=\"chapter3.html#section-3.1.1\">3.1.1 Activation functions"))
        #expect(!dom.contains("No section mentions"))
    }

    @Test func theDarkThemeFollowsTheSystem() throws {
        let (dom, _) = try load("index.html", dark: true)
        #expect(dom.contains("Switch to the light theme"))
    }

    /// Screenshots for people to look at, kept under the build folder (not committed).
    @Test func screenshotsOfTheIndexAndAChapterInLightAndDark() throws {
        let folder = TestPackage.root.appendingPathComponent(".build-lessons/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = try Self.server.get().url
        // Whole pages: a fragment in the address leaves headless screenshots blank.
        let shots = [("index.html", "index", 1000), ("chapter3.html", "chapter3", 9000)]
        for (page, name, height) in shots {
            for dark in [false, true] {
                let file = folder.appendingPathComponent("\(name)-\(dark ? "dark" : "light").png")
                try? FileManager.default.removeItem(at: file)
                try Chromium.screenshot(base + page, to: file, height: height, dark: dark)
                let size =
                    try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
                #expect((size ?? 0) > 20_000, "\(file.lastPathComponent) looks empty")
            }
        }
        let phone = folder.appendingPathComponent("chapter3-phone.png")
        try Chromium.screenshot(base + "chapter3.html", to: phone, width: 390, height: 844)
        #expect(FileManager.default.fileExists(atPath: phone.path))
    }
}
