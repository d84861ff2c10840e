/// Marks Chinese in the page's English text: each run of Chinese characters goes in a
/// `<span lang="zh">`, so that a browser draws it with Chinese glyph shapes (a machine with
/// Japanese fonts would otherwise pick Japanese ones for the same code points).
enum LanguageMarkup {
    /// The text HTML-escaped, with every Chinese run marked. A run reaches from a Chinese
    /// character to the last one before the next Latin letter, taking the spaces and
    /// punctuation between them.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isChinese) else {
            return HTMLEscaping.escape(text)
        }
        var html = ""
        var plain = ""
        var run = ""
        var pending = ""  // neutral characters after a run, not yet known to belong to it
        func closeRun() {
            if !run.isEmpty { html += "<span lang=\"zh\">\(HTMLEscaping.escape(run))</span>" }
            run = ""
        }
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.contains(where: isChinese) {
                if run.isEmpty {
                    html += HTMLEscaping.escape(plain)
                    plain = ""
                }
                run += pending + String(character)
                pending = ""
            } else if run.isEmpty {
                plain.append(character)
            } else if character.isLetter {
                closeRun()
                plain = pending + String(character)
                pending = ""
            } else {
                pending.append(character)
            }
        }
        closeRun()
        return html + HTMLEscaping.escape(plain + pending)
    }

    /// Han ideographs, CJK punctuation and full-width forms.
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
