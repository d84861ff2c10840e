/// The ```` ```output ```` block that follows a Swift block: what the block must print.
public struct ExpectedOutput: Sendable, Equatable {
    /// The expected text, as written between the fences.
    public var text: String
    /// The line of the opening fence.
    public var startLine: Int
    /// The line of the closing fence.
    public var endLine: Int
    /// The words after `output` in the info string, kept when `--accept` rewrites the block.
    public var info: String
    /// Numbers may differ by this much (relative to their size, at least absolute); nil: exact.
    public var tolerance: Double?

    /// Parses the info string's options: `tolerance=1e-6` is the only one.
    static func tolerance(from words: [Substring]) throws(OptionError) -> Double? {
        var tolerance: Double?
        for word in words {
            let (key, value) = InfoString.split(word)
            guard key == "tolerance", let value, let number = Double(value), number >= 0 else {
                throw OptionError(
                    "unknown option '\(word)' for an output block (known: tolerance=NUMBER)")
            }
            tolerance = number
        }
        return tolerance
    }
}
