import Foundation
import Testing

@testable import LessonEngine

/// The built site as a static host publishes it: `Site/` alone, nothing from the repository
/// around it. (`LESSONS_BROWSER_SITE` points these tests, like the browser tests, at another
/// copy of a site.)
@Suite struct PublishedSiteTests {
    static func pages() throws -> [String: String] {
        let files = try BuiltSite.files(in: BrowserSite.folder.get())
        return files.filter { $0.key.hasSuffix(".html") }.mapValues {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The values of an attribute in a page, unescaped as the browser reads them.
    static func attributes(_ name: String, in html: String) -> [String] {
        html.matches(of: try! Regex("\\s\(name)=\"([^\"]*)\"")).map {
            String($0.output[1].substring ?? "").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Every `href` and `src` of every page names a file of the site, and a fragment names
    /// an element of that page; links that leave the site (https) are the only exception.
    @Test func everyLinkResolvesWithinTheSite() throws {
        let folder = try BrowserSite.folder.get()
        let pages = try Self.pages()
        let ids = pages.mapValues { Set(Self.attributes("id", in: $0)) }
        var broken: [String] = []
        for (name, html) in pages.sorted(by: { $0.key < $1.key }) {
            for target in Self.attributes("href", in: html) + Self.attributes("src", in: html) {
                if target.hasPrefix("https://") { continue }
                let parts = target.split(
                    separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = parts[0].split(separator: "?").first.map(String.init) ?? ""
                // Relative to the page's own folder (the API reference is one folder down).
                let pageFolder = folder.appendingPathComponent(name).deletingLastPathComponent()
                let resolved =
                    file.isEmpty
                    ? folder.appendingPathComponent(name).standardizedFileURL.path
                    : pageFolder.appendingPathComponent(file.removingPercentEncoding ?? file)
                        .standardizedFileURL.path
                let root = folder.standardizedFileURL.path + "/"
                let page = String(resolved.dropFirst(root.count))
                guard resolved.hasPrefix(root), FileManager.default.fileExists(atPath: resolved)
                else {
                    broken.append("\(name): \(target)")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, let known = ids[page],
                    !known.contains(String(parts[1]).removingPercentEncoding ?? "")
                {
                    broken.append("\(name): \(target) (no such id)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.count) broken links: \(broken.prefix(12))")
    }

    /// The published script does no development polling (`lessons serve` adds live reload
    /// to the pages it serves), and every page declares the site's own icon.
    @Test func thePublishedSiteHasNoDevelopmentPollingAndDeclaresAnIcon() throws {
        let files = try BuiltSite.files(in: BrowserSite.folder.get())
        for (name, data) in files where name.hasSuffix(".js") || name.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("__lessons"), "\(name)")
        }
        let icon = try #require(files["icon.svg"], "no icon.svg in the site")
        #expect(String(decoding: icon, as: UTF8.self).hasPrefix("<svg"))
        for (name, html) in try Self.pages() {
            let up = String(repeating: "../", count: name.split(separator: "/").count - 1)
            #expect(
                html.contains(#"<link rel="icon" href="\#(up)icon.svg" type="image/svg+xml">"#),
                "\(name)")
        }
    }

    /// Every page's table of contents lists the API reference, marked as the current page on
    /// its index and as the current part of the book on its other pages; a page the table
    /// lists is marked as the current page, and no other.
    @Test func everyPageListsTheReferenceInItsTableOfContents() throws {
        for (name, html) in try Self.pages() {
            let up = String(repeating: "../", count: name.split(separator: "/").count - 1)
            let found = html.firstMatch(of: #/<nav class="sidebar"[\s\S]*?</nav>/#)
            let sidebar = try #require(found, "\(name) has no table of contents").output
            let entry = #"<a href="\#(up)api/index.html""#
            let mark =
                name == "api/index.html"
                ? #" aria-current="page">"#
                : name.hasPrefix("api/") ? #" aria-current="true">"# : ">"
            #expect(sidebar.contains(entry + mark), "\(name)")
            // A translated edition's pages (zh/) list each other from their own folder.
            let edition = name.hasPrefix("zh/") ? String(name.dropFirst(3)) : nil
            let own = #"<a href="\#(edition ?? up + name)""#
            let listed = sidebar.contains(own)
            #expect(
                sidebar.matches(of: #/aria-current="page"/#).count == (listed ? 1 : 0), "\(name)")
            #expect(!listed || sidebar.contains(own + #" aria-current="page""#), "\(name)")
        }
    }

    /// Each chapter links its own Markdown, copied into the site.
    @Test func eachChapterLinksItsMarkdownInTheSite() throws {
        let folder = try BrowserSite.folder.get()
        let page = try String(
            contentsOf: folder.appendingPathComponent("chapter3.html"), encoding: .utf8)
        #expect(page.contains(#"<a href="source/03-core-algorithms.md">"#))
        let copied = try Data(
            contentsOf: folder.appendingPathComponent("source/03-core-algorithms.md"))
        let original = try Data(
            contentsOf: TestPackage.root.appendingPathComponent("Chapters/03-core-algorithms.md"))
        #expect(copied == original)
    }

    /// Every DOI in the references is a link to doi.org.
    @Test func doisAreLinks() throws {
        let page = try #require(try Self.pages()["chapter7.html"])
        let text = page.replacing(#/<a href="https://doi.org/[^"]+">doi:[^<]+</a>/#, with: "")
        #expect(page.contains("href=\"https://doi.org/10.1038/nature14539\""))
        #expect(!text.contains("doi:10."), "a DOI is not linked")
    }

    /// The chapter list of chapter 1 links every chapter.
    @Test func chapterOneLinksEveryChapter() throws {
        let pages = try Self.pages()
        let page = try #require(pages["chapter1.html"])
        let list = try #require(page.firstRange(of: "How the book is organised"))
        let links = Set(Self.attributes("href", in: String(page[list.upperBound...].prefix(4000))))
        for name in pages.keys where name.hasPrefix("chapter") || name == "errata.html" {
            #expect(links.contains(name), "chapter 1 does not link \(name)")
        }
    }

    /// The print page holds every chapter, with ids made unique across them.
    @Test func thePrintPageHoldsTheWholeBook() throws {
        let pages = try Self.pages()
        let book = try #require(pages["print.html"], "no print.html")
        for name in pages.keys where name.hasPrefix("chapter") || name == "errata.html" {
            let id = name.replacingOccurrences(of: ".html", with: "")
            #expect(book.contains("<section class=\"print-chapter\" id=\"\(id)\""), "\(name)")
        }
        let ids = Self.attributes("id", in: book)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "ids used twice: \(repeated.sorted().prefix(8))")
    }

    /// Python listings are highlighted and copied like Swift.
    @Test func pythonListingsAreHighlighted() throws {
        let page = try #require(try Self.pages()["chapter4.html"])
        #expect(
            page.contains(
                #"<div class="code"><pre><code class="language-python"><span class="hl-keyword">import</span>"#
            ))
    }
}
