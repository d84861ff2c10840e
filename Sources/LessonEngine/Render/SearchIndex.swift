import Foundation

/// The full-text search index: one entry per section of every page (its title, address,
/// the text a reader sees and its code), written as a script that sets
/// `window.LESSONS_SEARCH`, so the search works from `file://` too, where a page may not
/// fetch files. Pages load it when the reader first uses search.
enum SearchIndex {
    struct Entry: Encodable, Equatable {
        /// Title shown in results.
        var title: String
        /// Page and anchor.
        var url: String
        /// The section's words as a reader sees them: prose, and formulas as plain text
        /// (`σ(z)`); results quote it.
        var text: String
        /// The section's Swift code, searched but never quoted.
        var code: String = ""
    }

    /// The entries of one chapter: its introduction, then each numbered section.
    static func entries(of chapter: Chapter) -> [Entry] {
        let page = "\(chapter.id).html"
        let heading = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
        var entries = [Entry(title: heading, url: page, text: "")]
        for node in chapter.document.root.children {
            if case .heading(let level) = node.kind, level > 1,
                let section = Section.parse(heading: node.readerText, level: level, line: 0)
            {
                let original = section.originalTitle.map { " · \($0)" } ?? ""
                entries.append(
                    Entry(
                        title: "\(section.id) \(section.title)\(original)",
                        url: "\(page)#section-\(section.id)", text: ""))
                continue
            }
            let last = entries.count - 1
            if case .codeBlock(let info, let literal, _) = node.kind {
                let (language, options) = InfoString.words(info)
                guard language == "swift", !options.contains("hidden") else { continue }
                let words = literal.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                entries[last].code += (entries[last].code.isEmpty ? "" : " ") + words
                continue
            }
            let words = text(of: node)
            guard !words.isEmpty else { continue }
            entries[last].text += (entries[last].text.isEmpty ? "" : " ") + words
        }
        return entries
    }

    /// A block's searchable words, on one line.
    private static func text(of node: MarkdownNode) -> String {
        let raw: String
        switch node.kind {
        case .codeBlock:
            raw = ""
        case .list, .blockQuote, .item:
            raw = node.children.map(text).joined(separator: " ")
        default:
            raw = node.readerText
        }
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The script holding every entry.
    static func script(_ entries: [Entry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try entries.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return "// Written by `lessons build`: the site's search index.\n"
            + "window.LESSONS_SEARCH = [\n" + lines.joined(separator: ",\n") + "\n];\n"
    }
}
