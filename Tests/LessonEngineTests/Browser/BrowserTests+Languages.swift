import Foundation
import Testing

/// The Chinese edition in the browser: its search, and the switch between languages.
extension BrowserTests {
    /// Chinese has no spaces between words: a search for 梯度消失 must find the section on
    /// the vanishing gradient, and its results stay in the Chinese edition.
    @Test func chineseSearchFindsTheVanishingGradient() throws {
        let tab = try BrowserSite.open("zh/chapter1.html")
        defer { tab.close() }
        try tab.evaluate("document.getElementById('search-input').focus()")
        try tab.type("梯度消失")
        #expect(try tab.waitUntil("document.querySelectorAll('#search-results li').length > 0"))
        #expect(tab.problems.isEmpty, "\(tab.problems.joined(separator: "\n"))")
        let hrefs = try tab.strings(
            "Array.from(document.querySelectorAll('#search-results a')).map(a => a.href)")
        #expect(hrefs.allSatisfy { $0.contains("/zh/") }, "results leave zh/: \(hrefs)")
        let texts = try tab.strings(
            "Array.from(document.querySelectorAll('#search-results li')).map(li => li.textContent)")
        #expect(texts.contains { $0.contains("梯度消失") }, "\(texts)")
        // The search page finds it too, and says so in Chinese.
        try tab.open(try BrowserSite.url("zh/search.html?q=%E6%A2%AF%E5%BA%A6%E6%B6%88%E5%A4%B1"))
        #expect(
            try tab.waitUntil(
                "document.querySelectorAll('#search-page-results li').length > 0"))
        #expect(
            try tab.string("document.getElementById('search-summary').textContent")
                .contains("个章节提到“梯度消失”"))
    }

    /// The switch leads to the same page, and the same section, in the other language; the
    /// page it opens loads cleanly.
    @Test func theLanguageSwitchKeepsTheSection() throws {
        let tab = try BrowserSite.open("chapter3.html#section-3.3")
        defer { tab.close() }
        try tab.evaluate("document.querySelector('a.language-switch').click()")
        #expect(
            try tab.waitUntil(
                "location.pathname.endsWith('/zh/chapter3.html') && location.hash === '#section-3.3'"
                    + " && document.readyState === 'complete'"))
        #expect(try tab.string("document.documentElement.lang") == "zh-CN")
        #expect(try tab.string("document.querySelector('a.language-switch').hreflang") == "en")
        #expect(tab.problems.isEmpty, "\(tab.problems.joined(separator: "\n"))")
        try tab.evaluate("document.querySelector('a.language-switch').click()")
        #expect(
            try tab.waitUntil(
                "!location.pathname.includes('/zh/') && location.pathname.endsWith('/chapter3.html')"
                    + " && location.hash === '#section-3.3'"))
    }

    /// Every page's language switch names a page of the site.
    @Test(arguments: BrowserSite.pages.filter { !$0.hasPrefix("api/") })
    func theLanguageSwitchResolves(page: String) throws {
        let tab = try BrowserSite.open(page)
        defer { tab.close() }
        let href = try tab.string("document.querySelector('a.language-switch').href")
        try tab.open(href)
        #expect(tab.problems.isEmpty, "\(page) → \(href): \(tab.problems.joined(separator: "\n"))")
        let language = try tab.string("document.documentElement.lang")
        #expect(language == (page.hasPrefix("zh/") ? "en" : "zh-CN"), "\(page) → \(href)")
    }
}
