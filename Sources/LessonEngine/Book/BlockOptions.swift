/// What a Swift block's info string asks for: ```` ```swift hidden verifies=eq:sigmoid ````.
///
/// | option | meaning |
/// | --- | --- |
/// | `hidden` | runs (setup code), but is not shown on the page |
/// | `norun` | shown, never compiled or run |
/// | `fails` | expected to fail: a compile error or a trap; its message becomes its output |
/// | `isolated` | runs in a program of its own, after the chapter's `hidden` blocks only |
/// | `name=ID` | a name other blocks and the site can refer to |
/// | `verifies=ID,ID` | the labelled display formulas this block verifies |
/// | `reads=PATH,PATH` | data files (relative to the book's root) the block reads: a change to one re-runs the chapter |
public struct BlockOptions: Sendable, Equatable {
    public var hidden = false
    public var noRun = false
    public var fails = false
    public var isolated = false
    public var name: String?
    public var verifies: [String] = []
    public var reads: [String] = []

    public init() {}

    /// Parses the words after `swift` in a fence's info string.
    public init(words: [Substring]) throws(OptionError) {
        for word in words {
            let (key, value) = InfoString.split(word)
            switch (key, value) {
            case ("hidden", nil): hidden = true
            case ("norun", nil): noRun = true
            case ("fails", nil): fails = true
            case ("isolated", nil): isolated = true
            case ("name", let value?): name = value
            case ("verifies", let value?):
                verifies += value.split(separator: ",").map(String.init)
            case ("reads", let value?):
                reads += value.split(separator: ",").map(String.init)
            default:
                throw OptionError(
                    "unknown option '\(word)' for a swift block "
                        + "(known: hidden, norun, fails, isolated, name=ID, verifies=ID,…, reads=PATH,…)"
                )
            }
        }
        if noRun && (hidden || fails || isolated) {
            throw OptionError("'norun' cannot be combined with hidden, fails or isolated")
        }
    }
}

/// An info string's option that the engine does not understand.
public struct OptionError: Error, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}

/// Splits fence info strings into a language and `key` or `key=value` words.
enum InfoString {
    /// The language word and the remaining option words.
    static func words(_ info: String) -> (language: Substring, options: [Substring]) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return (words.first ?? "", Array(words.dropFirst()))
    }

    static func split(_ word: Substring) -> (key: Substring, value: String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        var value = word[word.index(after: equals)...]
        if value.count >= 2, value.first == "\"", value.last == "\"" {
            value = value.dropFirst().dropLast()
        }
        return (word[..<equals], String(value))
    }
}
