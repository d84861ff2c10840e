import Foundation
import Testing

@testable import LessonEngine

/// The built site in a real browser: one headless Chromium, driven over the DevTools
/// protocol, loads the pages from a plain static server on 127.0.0.1 (as any host would
/// publish `Site/`) and the tests read what the reader would meet — every failed request,
/// script error and console message, the text on screen, the layout at desktop and phone
/// widths, print, and the keyboard. The tests in this file's extensions
/// (`BrowserTests+Layout`, `+Search`, `+Print`) share the one browser and run one at a time.
///
/// Skipped, saying so, only when Chromium is not installed; `.ci/run` installs it.
@Suite(
    .enabled(
        if: Chromium.isAvailable,
        "Chromium is not installed (apt-get install chromium): the browser tests are skipped"),
    .serialized)
struct BrowserTests {
    @Test(arguments: BrowserSite.pages)
    func everyPageLoadsCleanlyWithTypesetMathAndMarkedLanguage(page: String) throws {
        let tab = try BrowserSite.open(page)
        defer { tab.close() }
        #expect(tab.problems.isEmpty, "\(page): \(tab.problems.joined(separator: "\n"))")
        // The site's script ran: it labels the theme toggle with the theme it switches to.
        #expect(
            try tab.string("document.querySelector('.theme-toggle').title")
                == (page.hasPrefix("zh/") ? "切换到深色主题" : "Switch to the dark theme"))
        #expect(try tab.number("document.querySelectorAll('.katex-error').length") == 0)
        let tex = try tab.strings(PageScripts.visibleTeX)
        #expect(tex.isEmpty, "\(page) shows TeX: \(tex)")
        let chinese = try tab.strings(PageScripts.unmarkedChinese)
        #expect(chinese.isEmpty, "\(page) has Chinese text without lang=\"zh\": \(chinese)")
        let uncopyable = try tab.strings(PageScripts.codeWithoutCopyButton)
        #expect(uncopyable.isEmpty, "\(page) has code without a Copy button: \(uncopyable)")
        // No development machinery in a published page: nothing asks the server for more.
        #expect(!tab.requests.contains { $0.contains("__lessons") }, "\(page) polls a server")
        #expect(try tab.string("document.querySelector('link[rel=icon]')?.href || ''") != "")
    }

    @Test func theChapterShowsHighlightedCodeFiguresAndNumberedFormulas() throws {
        let tab = try BrowserSite.open("chapter3.html")
        defer { tab.close() }
        #expect(try tab.number("document.querySelectorAll('.katex-display').length") >= 4)
        #expect(try tab.number("document.querySelectorAll('.hl-keyword').length") > 10)
        #expect(try tab.number("document.querySelectorAll('figure.plot svg').length") >= 2)
        #expect(try tab.number("document.querySelectorAll('.badge.passed').length") >= 1)
        let caption = try tab.string(
            "document.querySelectorAll('figure.plot figcaption')[1].textContent")
        #expect(caption.hasPrefix("Figure 3.2. Line plot “Their derivatives"))
    }

    /// A screen reader reads each figure's text alternative once: the SVG is named by its
    /// caption, and carries no label or title of its own that repeats it.
    @Test func figuresAreNamedByTheirCaptionOnce() throws {
        let tab = try BrowserSite.open("chapter3.html")
        defer { tab.close() }
        let repeated = try tab.strings(
            """
            Array.from(document.querySelectorAll("figure.plot")).filter(figure => {
              const svg = figure.querySelector("svg"), caption = figure.querySelector("figcaption");
              const named = svg.getAttribute("aria-labelledby") === caption.id && caption.id !== "";
              return !named || svg.hasAttribute("aria-label") || svg.querySelector(":scope > title");
            }).map(figure => figure.querySelector("figcaption").textContent.slice(0, 40))
            """)
        #expect(repeated.isEmpty, "figures labelled twice: \(repeated)")
    }

    @Test func theDarkThemeFollowsTheSystem() throws {
        let tab = try BrowserSite.open("index.html", dark: true)
        defer { tab.close() }
        #expect(
            try tab.string("document.querySelector('.theme-toggle').title")
                == "Switch to the light theme")
    }

    /// Screenshots for people to look at, kept under the build folder (not committed).
    @Test func screenshotsInLightDarkAndPhoneWidth() throws {
        let folder = TestPackage.root.appendingPathComponent(".build-lessons/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shots: [(page: String, name: String, width: Int, dark: Bool)] = [
            ("index.html", "index-light", 1400, false), ("index.html", "index-dark", 1400, true),
            ("chapter3.html", "chapter3-light", 1400, false),
            ("chapter3.html", "chapter3-dark", 1400, true),
            ("chapter3.html", "chapter3-phone", 390, false),
            ("formulas.html", "formulas", 1280, false),
        ]
        for shot in shots {
            let tab = try BrowserSite.open(shot.page, width: shot.width, dark: shot.dark)
            defer { tab.close() }
            let file = folder.appendingPathComponent("\(shot.name).png")
            try tab.screenshot(to: file)
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
            #expect((size ?? 0) > 20_000, "\(file.lastPathComponent) looks empty")
        }
    }
}
