import Foundation
import Testing

/// Printing: black text on white whatever theme is on screen.
extension BrowserTests {
    /// The colour's relative luminance (WCAG), from `rgb(r, g, b)`.
    static func luminance(_ css: String) -> Double {
        let parts = css.split { !$0.isNumber && $0 != "." }.compactMap { Double($0) }
        guard parts.count >= 3 else { return .nan }
        let linear = parts.prefix(3).map { value -> Double in
            let c = value / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    /// In print, with the system dark and with the dark theme chosen: the page is white and
    /// text, keywords and comments are near black (contrast at least 7:1).
    @Test(arguments: ["system", "chosen"])
    func printingInDarkModeGivesDarkTextOnWhite(dark: String) throws {
        let tab = try BrowserSite.open("chapter3.html", dark: true)
        defer { tab.close() }
        if dark == "chosen" { try tab.evaluate("document.documentElement.dataset.theme = 'dark'") }
        try tab.emulate(media: "print", dark: true)
        let background = try tab.string("getComputedStyle(document.body).backgroundColor")
        #expect(Self.luminance(background) > 0.95, "the page prints on \(background)")
        for selector in [
            "article p", ".hl-keyword", ".hl-comment", ".hl-string", "pre.output", "h2",
        ] {
            let color = try tab.string(
                "getComputedStyle(document.querySelector('\(selector)')).color")
            let contrast = 1.05 / (Self.luminance(color) + 0.05)
            #expect(contrast >= 7, "\(selector) prints in \(color) (\(contrast):1)")
        }
    }
}
