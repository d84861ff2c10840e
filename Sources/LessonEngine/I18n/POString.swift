/// The C-like string literals of gettext catalogs: `"…"` with `\"`, `\\`, `\n`, `\t`.
enum POString {
    static func quote(_ string: String) -> String {
        var out = "\""
        for character in string {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// The string a literal (with its quotes) stands for; nil if it is not one.
    static func unquote(_ literal: Substring) -> String? {
        let literal = literal.trimmingWhitespace()
        guard literal.count >= 2, literal.first == "\"", literal.last == "\"" else { return nil }
        var out = ""
        var escaped = false
        for character in literal.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            } else {
                out.append(character)
            }
        }
        return escaped ? nil : out
    }
}
