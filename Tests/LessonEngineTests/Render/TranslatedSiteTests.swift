import Foundation
import Testing

@testable import LessonEngine

/// The Chinese edition that a build writes to `zh/` beside the English site: the same pages
/// from the same runs, with only the words changed.
@Suite struct TranslatedSiteTests {
    static func pages() throws -> [String: String] {
        try PublishedSiteTests.pages()
    }

    /// The English pages that have an edition in every language: all but the reference.
    static func englishPages(_ pages: [String: String]) -> [String] {
        pages.keys.filter { !$0.contains("/") }.sorted()
    }

    @Test func everyPageHasAChineseTwinWithTheLanguageSet() throws {
        let pages = try Self.pages()
        for name in Self.englishPages(pages) {
            let twin = try #require(pages["zh/" + name], "zh/\(name) is missing")
            #expect(twin.contains("<html lang=\"zh-CN\""), "zh/\(name) is not marked zh-CN")
            #expect(pages[name]?.contains("<html lang=\"en\"") == true)
        }
    }

    /// Code, outputs, figures, formula numbers and badges are the same in both editions:
    /// only prose differs.
    @Test func codeOutputsFiguresAndFormulasAreIdenticalInBothEditions() throws {
        let pages = try Self.pages()
        let parts: [Regex<Substring>] = [
            try Regex(#"<div class="code"><pre><code class="language-swift">[\s\S]*?</code>"#),
            // An output's label is a page text; what it shows is the code's.
            try Regex(#"<samp>[\s\S]*?</samp>"#),
            try Regex(#"<svg[\s\S]*?</svg>"#),
            try Regex(#"<span class="equation-number">[^<]*</span>"#),
            try Regex(#"<a class="badge [a-z-]+" href="[^"]*""#),
            try Regex(#"<span class="katex">[\s\S]*?</math>"#),
        ]
        for name in Self.englishPages(pages) where name != "search.html" {
            let english = try #require(pages[name])
            // Code links lead to the one English reference, from one folder down.
            let chinese = try #require(pages["zh/" + name])
                .replacingOccurrences(of: "href=\"../api/", with: "href=\"api/")
            for (index, part) in parts.enumerated() {
                var inEnglish = english.matches(of: part).map { String(english[$0.range]) }
                var inChinese = chinese.matches(of: part).map { String(chinese[$0.range]) }
                // A translation may move a formula within its sentence.
                if index == parts.count - 1 {
                    inEnglish.sort()
                    inChinese.sort()
                }
                let first = zip(inEnglish, inChinese).first { $0 != $1 }
                #expect(
                    inEnglish.count == inChinese.count && first == nil,
                    """
                    \(name): \(inEnglish.count) vs \(inChinese.count) parts of kind \(index); \
                    first difference: \(first.map { "\($0.0.prefix(200)) ≠ \($0.1.prefix(200))" } ?? "")
                    """)
            }
        }
    }

    /// Every page links to its twin in the other edition, with `hreflang`, both as a visible
    /// switch and as an alternate link.
    @Test func everyPageSwitchesToTheSamePageInTheOtherLanguage() throws {
        let pages = try Self.pages()
        for name in Self.englishPages(pages) {
            #expect(
                pages[name]?.contains(
                    "<a class=\"language-switch\" href=\"zh/\(name)\" hreflang=\"zh-CN\"") == true,
                "\(name) has no switch to zh/\(name)")
            #expect(
                pages["zh/" + name]?.contains(
                    "<a class=\"language-switch\" href=\"../\(name)\" hreflang=\"en\"") == true,
                "zh/\(name) has no switch to \(name)")
            #expect(pages["zh/" + name]?.contains("hreflang=\"en\" href=\"../\(name)\"") == true)
        }
        // The reference is English only, and links to no Chinese page.
        #expect(pages["api/index.html"]?.contains("language-switch") == false)
    }

    /// The Chinese pages show the Chinese prose and page words.
    @Test func theChinesePagesReadInChinese() throws {
        let pages = try Self.pages()
        let chapter3 = try #require(pages["zh/chapter3.html"])
        #expect(chapter3.contains("梯度消失"))
        #expect(chapter3.contains("经代码验证"))
        #expect(chapter3.contains("本页内容"))
        #expect(!chapter3.contains(">On this page<"))
        #expect(!chapter3.contains("verified by code"))
        let search = try String(
            contentsOf: BrowserSite.folder.get().appendingPathComponent("zh/search-index.js"),
            encoding: .utf8)
        #expect(search.contains("梯度消失"))
    }

    /// Each translated edition has its own search index, and shares the assets.
    @Test func editionsShareAssetsButNotTheSearchIndex() throws {
        let files = try BuiltSite.files(in: BrowserSite.folder.get())
        #expect(files["zh/search-index.js"] != nil)
        #expect(files["zh/search-index.js"] != files["search-index.js"])
        #expect(files["zh/style.css"] == nil && files["zh/katex/katex.min.css"] == nil)
    }
}
