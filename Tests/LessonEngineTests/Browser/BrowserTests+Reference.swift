import Foundation
import Testing

@testable import LessonEngine

/// The API reference as a reader meets it: from a name in chapter 3's code to its page, from
/// there to its line in the source, and all of it from `file://` as well as from a host.
extension BrowserTests {
    /// The centre of the first element matching a selector, scrolled into view.
    func centre(of selector: String, in tab: DevToolsPage) throws -> (x: Double, y: Double) {
        let box =
            try tab.evaluate(
                """
                (() => { const e = document.querySelector('\(selector)'); e.scrollIntoView({block: "center"});
                  const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()
                """) as? [NSNumber]
        let point = try #require(box, "no \(selector)")
        return (point[0].doubleValue, point[1].doubleValue)
    }

    @Test func clickingLSTMCellInChapterThreeOpensItsPageAndItsSource() throws {
        let tab = try BrowserSite.open("chapter3.html")
        defer { tab.close() }
        // The LSTM block (the one after the LSTM equations): its call of the initialiser.
        let link =
            "figure.cell:has(#block-lstm-equations) "
            + "a.api-link[href$=\"NeuralNet.LSTMCell.html#symbol-init-inputWeight-recurrentWeight-bias\"]"
        let point = try centre(of: link, in: tab)
        try tab.click(x: point.x, y: point.y)
        #expect(try tab.waitUntil("location.pathname.endsWith('/api/NeuralNet.LSTMCell.html')"))
        #expect(try tab.waitUntil("document.readyState === 'complete'"))
        let opened = try tab.string("location.href")
        #expect(
            try tab.string("document.querySelector('h1').textContent") == "LSTMCell", "\(opened)")
        #expect(try tab.string("location.hash") == "#symbol-init-inputWeight-recurrentWeight-bias")
        let text = try tab.string("document.querySelector('article').innerText")
        #expect(text.contains("struct LSTMCell<Scalar>"))
        #expect(text.contains("(3.14)") && text.contains("(3.19)"))
        #expect(text.contains("Used in 3."))
        // The sidebar marks the reference as the part of the book being read.
        #expect(
            try tab.string(
                "document.querySelector('.sidebar a[aria-current=\"true\"]').textContent")
                == "API reference")
        // Its "Declared in" link opens the source file at the declaration's line.
        let source = try centre(of: "article > .source-link a", in: tab)
        try tab.click(x: source.x, y: source.y)
        #expect(try tab.waitUntil("location.pathname.endsWith('/LSTMCell.swift.html')"))
        #expect(try tab.waitUntil("document.querySelector(':target') !== null"))
        #expect(
            try tab.string("document.querySelector(':target').textContent").contains(
                "struct LSTMCell"))
        #expect(tab.problems.isEmpty, "\(tab.problems)")
    }

    /// Every kind of page opens cleanly from the file system, where a reader of a clone
    /// opens it: the site's script and stylesheet load, nothing fails or is blocked.
    @Test(arguments: [
        "index.html", "chapter3.html", "api/index.html", "api/NeuralNet.LSTMCell.html",
        "api/NeuralNet.extension.Swift.Float.html",
        "api/source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html",
    ])
    func thePageOpensFromTheFileSystem(page: String) throws {
        let folder = try BrowserSite.folder.get()
        let tab = try BrowserSite.browser.get().newPage(width: 1280, height: 900)
        defer { tab.close() }
        try tab.open(folder.appendingPathComponent(page).absoluteString)
        #expect(tab.problems.isEmpty, "\(page): \(tab.problems.joined(separator: "\n"))")
        #expect(
            try tab.string("document.querySelector('.theme-toggle').title")
                == "Switch to the dark theme")
        // The stylesheet applied: the top bar sticks to the top.
        #expect(
            try tab.string("getComputedStyle(document.querySelector('.topbar')).position")
                == "sticky")
        let reference = "document.querySelectorAll('.sidebar a[href$=\"api/index.html\"]')"
        #expect(try tab.number("\(reference).length") == 1)
        #expect(try tab.waitUntil("\(reference)[0].href.startsWith('file://')"))
    }
}
