/// Highlights Python listings (the article's own code, shown beside our Swift) with a small
/// tokenizer: comments, strings, numbers, keywords and decorators, in the same `hl-…`
/// classes as Swift. Text between tokens is left as it is.
enum PythonHighlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ]

    /// The code as escaped HTML with highlighting spans; the text itself is unchanged.
    static func html(_ code: String) -> String {
        let characters = Array(code)
        var html = ""
        var index = 0
        func span(_ kind: String, _ end: Int) {
            let text = String(characters[index..<end])
            html += "<span class=\"hl-\(kind)\">\(LanguageMarkup.escape(text))</span>"
            index = end
        }
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                span("comment", characters[index...].firstIndex(of: "\n") ?? characters.count)
            } else if let end = stringEnd(characters, from: index) {
                span("string", end)
            } else if character.isNumber {
                var end = index
                while end < characters.count,
                    characters[end].isNumber || characters[end] == "." || characters[end] == "_"
                        || characters[end] == "e"
                {
                    end += 1
                }
                span("number", end)
            } else if character == "@", index == 0 || characters[index - 1] == "\n" {
                var end = index + 1
                while end < characters.count,
                    isIdentifier(characters[end]) || characters[end] == "."
                {
                    end += 1
                }
                span("attribute", end)
            } else if isIdentifier(character) {
                var end = index
                while end < characters.count, isIdentifier(characters[end]) { end += 1 }
                let word = String(characters[index..<end])
                if keywords.contains(word) {
                    span("keyword", end)
                } else {
                    html += LanguageMarkup.escape(word)
                    index = end
                }
            } else {
                html += LanguageMarkup.escape(String(character))
                index += 1
            }
        }
        return html
    }

    private static func isIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The end of a string literal starting at `start` (with an optional `f`, `r`, `b`
    /// prefix), or nil if none starts there.
    private static func stringEnd(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count, index - start < 2,
            "rRbBfFuU".contains(characters[index])
        {
            index += 1
        }
        guard index < characters.count, characters[index] == "\"" || characters[index] == "'"
        else { return nil }
        if index > start, start > 0, isIdentifier(characters[start - 1]) { return nil }
        let quote = characters[index]
        let triple =
            index + 2 < characters.count && characters[index + 1] == quote
            && characters[index + 2] == quote
        let delimiter = triple ? 3 : 1
        var end = index + delimiter
        while end < characters.count {
            if characters[end] == "\\" {
                end += 2
                continue
            }
            if !triple, characters[end] == "\n" { return end }
            if characters[end] == quote,
                !triple
                    || (end + 2 < characters.count && characters[end + 1] == quote
                        && characters[end + 2] == quote)
            {
                return min(end + delimiter, characters.count)
            }
            end += 1
        }
        return characters.count
    }
}
