import Foundation

/// A formula's TeX as plain text a reader can read where no typesetting is possible: page
/// titles, the table of contents, image descriptions and search snippets. `\sigma(z)` reads
/// `σ(z)`, `x_1^2` reads `x₁²`, `\frac{a}{b}` reads `a/b`; commands it does not know are
/// dropped, their arguments kept.
enum TeXPlainText {
    static func text(_ tex: String) -> String {
        var reader = Reader(Array(tex))
        let text = reader.read(until: nil)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ")
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "cdot": "·", "times": "×", "div": "÷", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥",
        "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "equiv": "≡",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦",
        "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π", "int": "∫",
        "in": "∈", "odot": "⊙", "otimes": "⊗", "circ": "∘", "cdots": "⋯", "ldots": "…",
        "dots": "…", "top": "ᵀ", "prime": "′", "lVert": "‖", "rVert": "‖", "|": "‖",
        "{": "{", "}": "}", "%": "%", "$": "$", "&": "&", "_": "_", "#": "#",
        "quad": " ", "qquad": " ", ",": " ", ";": " ", ":": " ", "!": "", " ": " ",
        "\\": " ", "log": "log", "ln": "ln", "exp": "exp", "max": "max", "min": "min",
        "sin": "sin", "cos": "cos", "tanh": "tanh", "arg": "arg", "lim": "lim",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
        "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻", "T": "ᵀ", "ᵀ": "ᵀ", "n": "ⁿ", "i": "ⁱ",
        "′": "′", "(": "⁽", ")": "⁾",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇",
        "8": "₈", "9": "₉", "+": "₊", "-": "₋", "i": "ᵢ", "j": "ⱼ", "t": "ₜ", "k": "ₖ",
        "n": "ₙ", "l": "ₗ", "m": "ₘ", "(": "₍", ")": "₎",
    ]

    private struct Reader {
        var characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        /// Text up to the closing brace (or the end).
        mutating func read(until close: Character?) -> String {
            var text = ""
            while position < characters.count {
                let character = characters[position]
                position += 1
                if let close, character == close { return text }
                switch character {
                case "{": text += read(until: "}")
                case "\\": text += command()
                case "^": text += Self.superscript(argument())
                case "_": text += Self.subscriptText(argument())
                case "~", "&": text += " "
                default: text.append(character)
                }
            }
            return text
        }

        /// One argument: a group or a single character (or command).
        mutating func argument() -> String {
            while position < characters.count, characters[position] == " " { position += 1 }
            guard position < characters.count else { return "" }
            let character = characters[position]
            position += 1
            if character == "{" { return read(until: "}") }
            if character == "\\" { return command() }
            return String(character)
        }

        mutating func command() -> String {
            guard position < characters.count else { return "" }
            var name = String(characters[position])
            position += 1
            if name.first!.isLetter {
                while position < characters.count, characters[position].isLetter {
                    name.append(characters[position])
                    position += 1
                }
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let (top, bottom) = (argument(), argument())
                return "\(Self.group(top))/\(Self.group(bottom))"
            case "sqrt": return "√" + Self.group(argument())
            case "hat", "widehat": return argument() + "\u{302}"
            case "bar", "overline": return argument() + "\u{304}"
            case "tilde": return argument() + "\u{303}"
            case "vec": return argument() + "\u{20D7}"
            case "dot": return argument() + "\u{307}"
            case "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr": return ""
            case "begin", "end":
                _ = argument()
                return " "
            case "text", "mathrm", "mathbf", "mathit", "mathcal", "mathbb", "boldsymbol",
                "operatorname", "textbf", "textit", "mbox", "mathsf":
                return argument()
            default:
                return TeXPlainText.symbols[name] ?? ""
            }
        }

        static func superscript(_ text: String) -> String {
            mapped(text, TeXPlainText.superscripts) ?? "^" + group(text)
        }

        static func subscriptText(_ text: String) -> String {
            mapped(text, TeXPlainText.subscripts) ?? "_" + group(text)
        }

        static func mapped(_ text: String, _ table: [Character: Character]) -> String? {
            let characters = text.filter { $0 != " " }
            guard !characters.isEmpty else { return "" }
            let mapped = characters.compactMap { table[$0] }
            return mapped.count == characters.count ? String(mapped) : nil
        }

        /// Text as one operand: in parentheses unless it is a single symbol or number.
        static func group(_ text: String) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let simple =
                trimmed.count <= 1 || trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }
            return simple ? trimmed : "(\(trimmed))"
        }
    }
}
