/// The two escapings of cmark's HTML renderer (its "houdini" functions), byte for byte.
enum HTMLEscaping {
    /// Escapes text and attribute values: `&`, `<`, `>` and `"` become entities.
    ///
    /// Like cmark's non-secure mode, `'` and `/` are left alone.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { needsEscape[Int($0)] }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Escapes a link or image destination for an `href` or `src` attribute.
    ///
    /// URL-safe bytes pass through, `&` and `'` become entities, and every other byte
    /// (spaces, quotes, brackets, all non-ASCII UTF-8) becomes `%XX`.
    static func escapeURL(_ url: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(url.utf8.count)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if byte < 128 && urlSafe[Int(byte)] {
                escaped.append(byte)
            } else if byte == UInt8(ascii: "&") {
                escaped += "&amp;".utf8
            } else if byte == UInt8(ascii: "'") {
                escaped += "&#x27;".utf8
            } else {
                escaped += [
                    UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
                ]
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The bytes `escape` rewrites, indexed by byte value.
    private static let needsEscape: [Bool] = (0..<256).map { byte in
        "&<>\"".utf8.contains(UInt8(byte))
    }

    /// The ASCII bytes cmark copies into a URL unchanged (its `HREF_SAFE` table): letters,
    /// digits and `-_.+!*(),%#@?=;:/$~`.
    private static let urlSafe: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar)
            || ("A"..."Z").contains(scalar) || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }
}
