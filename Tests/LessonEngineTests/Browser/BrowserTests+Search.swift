import Foundation
import Testing

/// Search and the keyboard.
extension BrowserTests {
    /// The index loads when search is first used, not with every page; results are
    /// highlighted, show the words a reader sees, and are reached with the arrow keys; a
    /// click outside closes them.
    @Test func searchLoadsLazilyHighlightsAndIsReachedWithArrowKeys() throws {
        let tab = try BrowserSite.open("chapter3.html")
        defer { tab.close() }
        #expect(
            !tab.requests.contains { $0.hasSuffix("search-index.js") }, "the index loaded up front")
        try tab.evaluate("document.getElementById('search-input').focus()")
        try tab.type("loss")
        #expect(try tab.waitUntil("document.querySelectorAll('#search-results li').length > 2"))
        #expect(tab.requests.contains { $0.hasSuffix("search-index.js") })
        #expect(try tab.number("document.querySelectorAll('#search-results mark').length") > 0)
        let snippets = try tab.string("document.getElementById('search-results').textContent")
        #expect(
            snippets.range(of: #"\\[A-Za-z]{2,}"#, options: .regularExpression) == nil,
            "snippets show TeX: \(snippets.prefix(300))")
        let chinese = try tab.strings(PageScripts.unmarkedChinese)
        #expect(chinese.isEmpty, "results without lang=\"zh\": \(chinese)")
        let focused = "document.activeElement.closest('#search-results li')"
        let position =
            "Array.from(document.querySelectorAll('#search-results li')).indexOf(\(focused))"
        try tab.press("ArrowDown")
        #expect(try tab.number(position) == 0)
        try tab.press("ArrowDown")
        #expect(try tab.number(position) == 1)
        try tab.press("ArrowUp")
        #expect(try tab.number(position) == 0)
        // Click the page's title: text, not a link.
        let title =
            try tab.evaluate(
                "(r => [r.left + 40, r.top + r.height / 2])(document.querySelector('article h1').getBoundingClientRect())"
            ) as? [Double] ?? [0, 0]
        try tab.click(x: title[0], y: title[1])
        #expect(
            try tab.evaluate("document.getElementById('search-results').hidden") as? Bool == true,
            "a click outside left the results open")
    }

    /// Search works from a page one folder down (the API reference): the index loads from the
    /// site's root, and every result leads to a page that exists.
    @Test func searchFromAReferencePageLeadsToTheChapters() throws {
        let tab = try BrowserSite.open("api/NeuralNet.LSTMCell.html")
        defer { tab.close() }
        try tab.evaluate("document.getElementById('search-input').focus()")
        try tab.type("loss")
        #expect(try tab.waitUntil("document.querySelectorAll('#search-results li').length > 2"))
        #expect(tab.problems.isEmpty, "\(tab.problems.joined(separator: "\n"))")
        let hrefs = try tab.strings(
            "Array.from(document.querySelectorAll('#search-results a')).map(a => a.href)")
        #expect(!hrefs.isEmpty)
        for href in hrefs {
            #expect(!href.contains("/api/chapter"), "a result leads into api/: \(href)")
        }
    }

    /// ← and → go to the previous and next chapter, except while typing.
    @Test func arrowKeysTurnThePage() throws {
        let tab = try BrowserSite.open("chapter3.html")
        defer { tab.close() }
        try tab.evaluate("document.getElementById('search-input').focus()")
        try tab.press("ArrowRight")
        #expect(!(try tab.waitUntil("!location.pathname.endsWith('chapter3.html')", timeout: 0.5)))
        try tab.evaluate("document.activeElement.blur()")
        try tab.press("ArrowRight")
        #expect(
            try tab.waitUntil(
                "location.pathname.endsWith('chapter4.html') && document.readyState === 'complete'")
        )
        try tab.press("ArrowLeft")
        #expect(
            try tab.waitUntil(
                "location.pathname.endsWith('chapter3.html') && document.readyState === 'complete'")
        )
    }
}

extension BrowserTests {
    @Test func theSearchPageFindsAKnownTerm() throws {
        let tab = try BrowserSite.open("search.html?q=vanishing%20gradient")
        defer { tab.close() }
        #expect(tab.problems.isEmpty, "\(tab.problems)")
        #expect(
            try tab.waitUntil("document.querySelectorAll('#search-page-results li').length > 0"))
        // The count grows with the book; what matters is that search found the term, says how
        // often, and links the section that introduces it.
        let summary = try tab.string("document.getElementById('search-summary').textContent")
        #expect(summary.contains(/[1-9][0-9]* sections? mentions? “vanishing gradient”\./))
        let links = try tab.strings(
            "Array.from(document.querySelectorAll('#search-page-results a')).map(a => a.getAttribute('href') + ' ' + a.textContent)"
        )
        #expect(
            links.contains {
                $0.hasPrefix("chapter3.html#section-3.1.1 3.1.1 Activation functions")
            },
            "\(links.prefix(5))")
    }
}
