/// How much of a chapter a catalog translates: units with a usable translation, of all.
public struct TranslationCoverage: Sendable, Equatable {
    public var file: String
    public var translated: Int
    public var total: Int

    public var complete: Bool { translated == total }

    /// The share translated, in per cent (100 for a chapter with nothing to translate).
    public var percent: Double {
        total == 0 ? 100 : Double(translated) / Double(total) * 100
    }

    /// The share to one decimal, rounded down, so that 99.96 % never reads as 100.0.
    public var shownPercent: Double { (percent * 10).rounded(.down) / 10 }

    /// One line of a report: `Chapters/03-core-algorithms.md  412/415  99.3 %`.
    public var summary: String { "\(file)  \(translated)/\(total)  \(shownPercent) %" }
}
