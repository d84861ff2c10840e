import Foundation

@testable import LessonEngine

/// What the browser tests share: the site, served as a static host would serve it, and one
/// headless Chromium for the whole suite.
///
/// The site is the one the tests build from the chapters; `LESSONS_BROWSER_SITE=/path/to/Site`
/// points the tests at another folder instead (say, a published copy, to see what they find).
enum BrowserSite {
    static let folder: Result<URL, any Error> = Result {
        if let path = ProcessInfo.processInfo.environment["LESSONS_BROWSER_SITE"] {
            return URL(fileURLWithPath: path)
        }
        return try BuiltSite.folder()
    }

    static let server: Result<StaticSiteServer, any Error> = Result {
        try StaticSiteServer(folder: try folder.get())
    }

    static let browser: Result<DevToolsBrowser, any Error> = Result { try DevToolsBrowser() }

    /// The address of a page of the site.
    static func url(_ page: String) throws -> String { try server.get().url + page }

    /// The site's HTML pages, by name.
    static var pages: [String] {
        let names = (try? folder.get()).flatMap {
            try? FileManager.default.contentsOfDirectory(atPath: $0.path)
        }
        // The reference's index, module pages, one type page, one extension page and one
        // source file share every other api/ page's layout; loading all would add minutes.
        let reference = [
            "api/index.html", "api/NeuralNet.html", "api/Brain.html", "api/Figures.html",
            "api/NeuralNet.LSTMCell.html", "api/NeuralNet.extension.Swift.Float.html",
            "api/source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html",
        ]
        // The Chinese edition's pages, in zh/.
        let chinese = (try? folder.get()).flatMap {
            try? FileManager.default.contentsOfDirectory(
                atPath: $0.appendingPathComponent("zh").path)
        }
        let zh = (chinese ?? []).filter { $0.hasSuffix(".html") }.map { "zh/" + $0 }
        return ((names ?? []).filter { $0.hasSuffix(".html") } + reference + zh).sorted()
    }

    /// A new tab with `page` loaded, at a width and in a colour scheme; close it when done.
    static func open(_ page: String, width: Int = 1280, height: Int = 900, dark: Bool = false)
        throws -> DevToolsPage
    {
        let tab = try browser.get().newPage(width: width, height: height)
        try tab.emulate(dark: dark)
        try tab.open(try url(page))
        return tab
    }
}
