import Foundation

/// A gettext catalog: a template (`po/messages.pot`) or a language's translations
/// (`po/zh-CN.po`), read and written in the format GNU gettext uses, one line per string.
public struct POCatalog: Sendable, Equatable {
    /// The header's fields (`Language: zh_CN`, `Content-Type: …`), in order.
    public var header: [(name: String, value: String)] = []
    public var entries: [POEntry] = []

    public init(header: [(name: String, value: String)] = [], entries: [POEntry] = []) {
        self.header = header
        self.entries = entries
    }

    public static func == (lhs: POCatalog, rhs: POCatalog) -> Bool {
        lhs.entries == rhs.entries && lhs.header.map(\.name) == rhs.header.map(\.name)
            && lhs.header.map(\.value) == rhs.header.map(\.value)
    }

    /// Reads a catalog; `file` names it in errors, which give the line.
    public static func parse(_ text: String, file: String) throws(LessonError) -> POCatalog {
        var parser = Parser(file: file)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            try parser.read(line, number: index + 1)
        }
        try parser.finish()
        var catalog = POCatalog(entries: parser.entries)
        if let index = catalog.entries.firstIndex(where: \.isHeader) {
            let header = catalog.entries.remove(at: index)
            catalog.header = header.translation.split(separator: "\n").compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (
                    String(line[..<colon]),
                    String(line[line.index(after: colon)...].trimmingWhitespace())
                )
            }
        }
        return catalog
    }

    /// The catalog as gettext writes it with `--no-wrap`: header first, then every entry.
    public var text: String {
        var out = "msgid \"\"\n"
        out += "msgstr \"\"\n"
        for field in header {
            out += POString.quote("\(field.name): \(field.value)\n") + "\n"
        }
        for entry in entries {
            out += "\n"
            for comment in entry.extractedComments { out += "#. \(comment)\n" }
            if !entry.references.isEmpty {
                out += "#: " + entry.references.joined(separator: " ") + "\n"
            }
            if !entry.flags.isEmpty { out += "#, " + entry.flags.joined(separator: ", ") + "\n" }
            let prefix = entry.obsolete ? "#~ " : ""
            if let context = entry.context {
                out += prefix + "msgctxt " + POString.quote(context) + "\n"
            }
            out += prefix + "msgid " + POString.quote(entry.id) + "\n"
            out += prefix + "msgstr " + POString.quote(entry.translation) + "\n"
        }
        return out
    }

    /// The value of a header field.
    public func headerValue(_ name: String) -> String? {
        header.first { $0.name == name }?.value
    }
}

extension POCatalog {
    /// Reads a catalog line by line.
    fileprivate struct Parser {
        enum Field { case context, id, translation }

        let file: String
        var entries: [POEntry] = []
        var current: POEntry? = nil
        var field: Field? = nil
        var pendingComments = POEntry(id: "")

        init(file: String) { self.file = file }

        mutating func read(_ raw: Substring, number: Int) throws(LessonError) {
            var line = raw.trimmingWhitespace()
            if line.hasSuffix("\r") { line = line.dropLast().trimmingWhitespace() }
            if line.isEmpty {
                closeEntry()
                return
            }
            var obsolete = false
            if line.hasPrefix("#~") {
                obsolete = true
                line = line.dropFirst(2).trimmingWhitespace()
                if line.hasPrefix("|") { return }
            } else if line.hasPrefix("#") {
                if current != nil, field == .translation { closeEntry() }
                comment(line)
                return
            }
            if line.hasPrefix("\"") {
                guard let value = POString.unquote(line), let field else {
                    throw error(number, "a string that continues no msgid or msgstr")
                }
                append(value, to: field)
                return
            }
            let words = line.split(separator: " ", maxSplits: 1)
            guard words.count == 2, let value = POString.unquote(words[1]) else {
                throw error(number, "cannot read `\(line)`: expected msgctxt, msgid or msgstr")
            }
            switch words[0] {
            case "msgctxt":
                closeEntry()
                startEntry(obsolete: obsolete)
                current?.context = value
                field = .context
            case "msgid":
                if field != .context {
                    closeEntry()
                    startEntry(obsolete: obsolete)
                }
                current?.id = value
                field = .id
            case "msgstr", "msgstr[0]":
                guard current != nil, field == .id else {
                    throw error(number, "msgstr without a msgid before it")
                }
                current?.translation = value
                current?.translationLine = number
                field = .translation
            case let word where word == "msgid_plural" || word.hasPrefix("msgstr["):
                field = nil
            default:
                throw error(number, "unknown keyword `\(words[0])`")
            }
        }

        mutating func finish() throws(LessonError) {
            if current != nil, field != .translation {
                throw error(0, "the last entry has no msgstr")
            }
            closeEntry()
        }

        private mutating func comment(_ line: Substring) {
            let body = String(line.dropFirst(2).trimmingWhitespace())
            switch line.dropFirst().first {
            case ".": pendingComments.extractedComments.append(body)
            case ":": pendingComments.references += body.split(separator: " ").map(String.init)
            case ",":
                pendingComments.flags += body.split(separator: ",").map {
                    String($0.trimmingWhitespace())
                }
            default: break
            }
        }

        private mutating func startEntry(obsolete: Bool) {
            var entry = pendingComments
            entry.obsolete = obsolete
            current = entry
            pendingComments = POEntry(id: "")
        }

        private mutating func append(_ value: String, to field: Field) {
            switch field {
            case .context:
                let context = current?.context ?? ""
                current?.context = context + value
            case .id: current?.id += value
            case .translation: current?.translation += value
            }
        }

        private mutating func closeEntry() {
            if let current { entries.append(current) }
            current = nil
            field = nil
        }

        private func error(_ line: Int, _ message: String) -> LessonError {
            LessonError.source(file: file, line: max(line, 1), message: message)
        }
    }
}
