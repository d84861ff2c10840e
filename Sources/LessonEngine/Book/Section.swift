import Foundation

/// A numbered heading: `## 3.1 Feedforward networks · 前馈神经网络`.
public struct Section: Sendable, Equatable {
    /// The article's number, `3.1`.
    public var id: String
    public var level: Int
    /// The English title, `Feedforward networks`.
    public var title: String
    /// The article's Chinese title, written after ` · `, if any.
    public var originalTitle: String?
    public var line: Int

    /// Splits heading text into its number, title and original title, if it is numbered.
    static func parse(heading: String, level: Int, line: Int) -> Section? {
        let words = heading.split(separator: " ", maxSplits: 1)
        guard let number = words.first, words.count == 2,
            number.first?.isNumber == true,
            number.allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        let id = number.hasSuffix(".") ? String(number.dropLast()) : String(number)
        let titles = words[1].components(separatedBy: " · ")
        let title = titles[0].trimmingCharacters(in: .whitespaces)
        let original = titles.count > 1 ? titles.dropFirst().joined(separator: " · ") : nil
        return Section(id: id, level: level, title: title, originalTitle: original, line: line)
    }

    /// True if `other` is this section or one of its subsections.
    public func contains(_ other: String) -> Bool {
        other == id || other.hasPrefix(id + ".")
    }
}
