import Foundation
import Testing

@testable import Figures

@Suite struct PaletteTests {
    /// WCAG's relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
            let value = Double(Int(String(digits[index..<index + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Graphics need 3:1 against their background (WCAG 1.4.11): every series colour on the
    /// light page (#fdfdfc) and on the dark one (#16171a).
    @Test(arguments: Palette.series)
    func everySeriesColourHasThreeToOneContrastOnBothThemes(color: String) {
        #expect(Self.contrast(color, "#fdfdfc") >= 3, "\(color) on light")
        #expect(Self.contrast(color, "#16171a") >= 3, "\(color) on dark")
    }

    @Test func theContrastFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }
}
