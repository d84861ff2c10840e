import Foundation
import Testing

/// The layout at a desktop width (1280 px) and a phone's (390 px).
extension BrowserTests {
    static var chapterPages: [String] { BrowserSite.pages.filter { $0.hasPrefix("chapter") } }

    /// A display formula wider than its box scrolls, says so with a fade at its edge, and can
    /// be scrolled from the keyboard; none is cut off without a sign.
    @Test(arguments: [1280, 390])
    func longEquationsShowThatTheyScroll(width: Int) throws {
        let tab = try BrowserSite.browser.get().newPage(width: width, height: 900)
        defer { tab.close() }
        for page in Self.chapterPages {
            try tab.open(try BrowserSite.url(page))
            let hidden = try tab.strings(PageScripts.hiddenOverflow)
            #expect(hidden.isEmpty, "\(page) at \(width) px cuts off \(hidden)")
        }
    }

    @Test func theFormulaTableFitsItsColumnAndTypesetsEveryFormula() throws {
        let tab = try BrowserSite.open("formulas.html", width: 1280)
        defer { tab.close() }
        let table = "document.querySelector('table.formulas')"
        #expect(try tab.number("\(table).scrollWidth - \(table).clientWidth") <= 1)
        let rows = try tab.number("\(table).tBodies[0].rows.length")
        #expect(rows > 40)
        #expect(try tab.number("\(table).querySelectorAll('td.formula .katex').length") == rows)
    }

    @Test func onAPhoneTheCopyButtonLeavesTheFirstLineOfCodeFree() throws {
        let tab = try BrowserSite.open("chapter3.html", width: 390, height: 844)
        defer { tab.close() }
        let covered = try tab.strings(
            """
            Array.from(document.querySelectorAll(".code")).filter(block => {
              const button = block.querySelector(".copy-button").getBoundingClientRect();
              const code = block.querySelector("code");
              const range = document.createRange();
              range.setStart(code, 0);
              range.setEnd(code, code.childNodes.length);
              const line = range.getClientRects()[0];
              return line && button.bottom > line.top && button.top < line.bottom;
            }).map(block => block.querySelector("code").textContent.slice(0, 30))
            """)
        #expect(
            covered.isEmpty,
            "the Copy button covers \(covered.count) first lines: \(covered.prefix(3))")
    }

    /// Plots keep their text legible on a phone: tick labels stay at least 9 px high (the
    /// plot scrolls sideways instead of shrinking).
    @Test func onAPhonePlotTextStaysLegible() throws {
        let tab = try BrowserSite.open("chapter3.html", width: 390, height: 844)
        defer { tab.close() }
        let smallest = try tab.number(
            """
            Math.min(...Array.from(document.querySelectorAll("figure.plot svg")).map(svg => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              const sizes = Array.from(svg.querySelectorAll("text"))
                .map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
              return Math.min(...sizes);
            }))
            """)
        #expect(smallest >= 9, "plot text is \(smallest) px high on a phone")
    }

    @Test func onAPhoneSearchResultsStayOnScreen() throws {
        let tab = try BrowserSite.open("chapter3.html", width: 390, height: 844)
        defer { tab.close() }
        try tab.evaluate("document.getElementById('search-input').focus()")
        try tab.type("self-attention")
        #expect(try tab.waitUntil("!document.getElementById('search-results').hidden"))
        let box = "document.getElementById('search-results').getBoundingClientRect()"
        #expect(try tab.number("\(box).left") >= 0)
        #expect(try tab.number("\(box).right") <= 390)
    }

    /// The menu has a backdrop, and closes on Escape, on a tap outside and on a link.
    @Test func onAPhoneTheMenuClosesOnEscapeBackdropAndLink() throws {
        let tab = try BrowserSite.open("chapter3.html", width: 390, height: 844)
        defer { tab.close() }
        let isOpen = "document.documentElement.classList.contains('menu-open')"
        let toggle = "document.querySelector('.menu-toggle')"
        try tab.evaluate("\(toggle).click()")
        #expect(try tab.evaluate(isOpen) as? Bool == true)
        let backdrop = try tab.string(
            "document.elementFromPoint(350, 600)?.className || ''")
        #expect(backdrop.contains("menu-backdrop"), "beside the open menu: \(backdrop)")
        try tab.press("Escape")
        #expect(try tab.evaluate(isOpen) as? Bool == false, "Escape left the menu open")
        try tab.evaluate("\(toggle).click()")
        try tab.click(x: 350, y: 600)
        #expect(try tab.evaluate(isOpen) as? Bool == false, "a tap beside it left the menu open")
        try tab.evaluate("\(toggle).click()")
        try tab.evaluate("document.querySelector('.sidebar a[href$=\"#section-3.2\"]').click()")
        #expect(try tab.evaluate(isOpen) as? Bool == false, "a link left the menu open")
    }

    /// The "On this page" outline marks the section being read as the page scrolls.
    @Test func theOutlineFollowsScrolling() throws {
        let tab = try BrowserSite.open("chapter3.html", width: 1400, height: 900)
        defer { tab.close() }
        for section in ["3.2", "3.3"] {
            try tab.evaluate(
                "document.getElementById('section-\(section)').scrollIntoView({block: 'start'})")
            let marked =
                "document.querySelector('.outline a[aria-current]')?.getAttribute('href') === '#section-\(section)'"
            #expect(try tab.waitUntil(marked), "the outline does not mark \(section)")
        }
    }
}
