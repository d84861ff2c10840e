/// Checks that the reference list says truthfully which chapters cite each entry.
///
/// **Citation syntax.** A chapter cites a reference by linking to its anchor on the
/// references page: `[Hebb (1949)](chapter7.html#ref-hebb1949)`. The references page is the
/// chapter that defines the anchors (`<span id="ref-hebb1949"></span>`); links within it
/// (`#ref-cho2014`) are not citations.
///
/// **Annotations.** On the references page, a bullet item (`- `) whose text ends with a
/// bracketed list — `[2, 3, errata]` — is an annotated entry. Its reference is the first
/// anchor it defines (`id="ref-KEY"`), or else the first anchor it links to (`#ref-KEY`), so an
/// entry may point at one listed elsewhere on the page. The list names each citing chapter by
/// its number, or by its id when it has none (`errata` for `99-errata.md`), in book order.
///
/// The check fails, at the entry's file and line, when the list differs from the chapters
/// that really cite the reference, and at a citation's line when a chapter cites a reference
/// no annotated entry lists.
public struct ReferenceAnnotations: Sendable {
    /// One annotated entry of the references page.
    struct Entry: Equatable {
        var key: String
        var line: Int
        var labels: [String]
    }

    public let book: Book

    public init(book: Book) { self.book = book }

    /// The chapter that defines the reference anchors, if the book has one.
    var referencesChapter: Chapter? {
        book.chapters.first { $0.source.contains("id=\"ref-") }
    }

    /// How the annotations name a chapter.
    static func label(of chapter: Chapter) -> String { chapter.number ?? chapter.id }

    /// Every problem: an entry whose chapters are wrong, a citation that no entry lists.
    public var problems: [LessonError] {
        guard let references = referencesChapter else { return [] }
        let entries = Self.entries(in: references.source)
        let link = "\(references.id).html#ref-"
        // key → (chapter labels in book order, first citation's place)
        var citers: [String: [String]] = [:]
        var firstCitation: [String: (file: String, line: Int)] = [:]
        for chapter in book.chapters where chapter.file != references.file {
            for (offset, line) in chapter.source.split(
                separator: "\n", omittingEmptySubsequences: false
            ).enumerated() {
                for key in Self.keys(after: link, in: line) {
                    let label = Self.label(of: chapter)
                    if citers[key]?.contains(label) != true {
                        citers[key, default: []].append(label)
                    }
                    if firstCitation[key] == nil { firstCitation[key] = (chapter.file, offset + 1) }
                }
            }
        }
        var problems: [LessonError] = []
        var listed: Set<String> = []
        for entry in entries {
            listed.insert(entry.key)
            let actual = citers[entry.key] ?? []
            guard entry.labels != actual else { continue }
            let said = "[\(entry.labels.joined(separator: ", "))]"
            let message =
                actual.isEmpty
                ? "ref-\(entry.key) is annotated \(said), but no chapter cites it "
                    + "(cite it with a link to \(link)\(entry.key), or drop the entry)"
                : "ref-\(entry.key) is annotated \(said), but the chapters that cite it are "
                    + "[\(actual.joined(separator: ", "))]"
            problems.append(.source(file: references.file, line: entry.line, message: message))
        }
        for (key, place) in firstCitation.sorted(by: { $0.key < $1.key })
        where !listed.contains(key) {
            problems.append(
                .source(
                    file: place.file, line: place.line,
                    message:
                        "cites ref-\(key), which no annotated entry of \(references.file) lists"))
        }
        return problems.sorted { $0.description < $1.description }
    }

    /// The reference keys linked from a line: `…chapter7.html#ref-KEY…`.
    static func keys(after prefix: String, in line: Substring) -> [String] {
        var keys: [String] = []
        var rest = line[...]
        while let range = rest.range(of: prefix) {
            let key = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !key.isEmpty { keys.append(String(key)) }
            rest = rest[range.upperBound...]
        }
        return keys
    }

    /// The annotated bullet items of a references page, with the line each starts on.
    static func entries(in source: String) -> [Entry] {
        var items: [(line: Int, text: String)] = []
        var inFence = false
        for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if line.hasPrefix("```") { inFence.toggle() }
            if inFence { continue }
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                items.append((offset + 1, String(line.dropFirst(2))))
            } else if line.hasPrefix(" "), !line.trimmingCharacters(in: .whitespaces).isEmpty,
                !items.isEmpty
            {
                items[items.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces)
            } else if !items.isEmpty, !line.hasPrefix(" ") {
                // A blank line or a paragraph ends the item being read; later lines start new ones.
                items.append((0, ""))
            }
        }
        return items.compactMap { item in
            guard item.line > 0, let labels = annotation(of: item.text),
                let key = firstKey(of: item.text)
            else { return nil }
            return Entry(key: key, line: item.line, labels: labels)
        }
    }

    /// The chapter labels of a trailing `[2, 3, errata]`, if the text ends with one.
    static func annotation(of text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let labels = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !labels.isEmpty,
            labels.allSatisfy({ label in
                !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber }
            })
        else { return nil }
        return labels
    }

    /// The key of the first anchor an item defines, or else of the first it links to.
    static func firstKey(of text: String) -> String? {
        for marker in ["id=\"ref-", "#ref-"] {
            if let range = text.range(of: marker) {
                let key = text[range.upperBound...].prefix {
                    $0.isLetter || $0.isNumber || $0 == "-"
                }
                if !key.isEmpty { return String(key) }
            }
        }
        return nil
    }
}
