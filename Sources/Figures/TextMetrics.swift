/// Estimated widths of text, so that figures can leave room for their labels without a font.
///
/// A figure is laid out before any font exists (the page chooses `sans-serif`), so widths are
/// estimated from the characters: each counts a share of the font size by its class, taken
/// from DejaVu Sans, the widest of the common sans-serif faces (Helvetica and Arial are about
/// a tenth narrower). Wide East Asian characters count a full em, about double a Latin letter;
/// combining marks count nothing. The estimate errs wide, so a label given its estimated room
/// is not cut.
enum TextMetrics {
    /// Bold glyphs are wider: DejaVu Sans Bold runs 8–24% wider than the book weight, about
    /// 11% over a line of text.
    static let boldFactor = 1.12

    /// The estimated advance of `text` at `size` points.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += emWidth(scalar) }
        return ems * size * (bold ? boldFactor : 1)
    }

    /// The widest of `texts` at `size` points, 0 when there are none.
    static func widest(_ texts: [String], size: Double, bold: Bool = false) -> Double {
        texts.map { width($0, size: size, bold: bold) }.max() ?? 0
    }

    /// `text` broken at spaces into lines no wider than `width` (a word longer than `width`
    /// is broken between characters). Always at least one line.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if self.width(candidate, size: size, bold: bold) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            // The word alone on a new line, broken if even that is too wide.
            for character in word {
                let longer = line + String(character)
                if !line.isEmpty, self.width(longer, size: size, bold: bold) > width {
                    lines.append(line)
                    line = String(character)
                } else {
                    line = longer
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The share of an em that `scalar` takes, by class.
    static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value < 0x80 {
            let character = Character(scalar)
            if narrow.contains(character) { return 0.32 }
            if slim.contains(character) { return 0.42 }
            if broad.contains(character) { return 1.0 }
            if mathematical.contains(character) { return 0.84 }
            if character.isUppercase { return 0.78 }
            if character.isLowercase { return 0.64 }
            return 0.64
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if isWide(value) { return 1.0 }
        if value == 0x2014 || value == 0x2026 { return 1.0 }  // — …
        if (0x2190...0x22FF).contains(value) || value == 0x2212 || value == 0xD7 {
            return 0.84  // arrows, operators, minus and times sign
        }
        return 0.68
    }

    /// Characters about a third of an em wide in DejaVu Sans (at most 0.32 em).
    private static let narrow: Set<Character> = [
        " ", "'", ",", ".", ":", ";", "|", "i", "j", "l", "I", "J", "/", "\\",
    ]
    /// Characters between a third and two fifths of an em (at most 0.41 em).
    private static let slim: Set<Character> = [
        "!", "\"", "(", ")", "[", "]", "-", "f", "r", "t", "`",
    ]
    /// Characters an em wide or nearly (at most 1.0 em).
    private static let broad: Set<Character> = ["m", "w", "M", "W", "%", "@"]
    /// Operators and symbols drawn at the width of `+` (0.84 em), and `&` (0.78 em).
    private static let mathematical: Set<Character> = ["#", "&", "+", "<", "=", ">", "^", "~"]

    /// East Asian wide and fullwidth characters (CJK, kana, Hangul, fullwidth forms) and emoji.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
