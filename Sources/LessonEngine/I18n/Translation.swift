import Foundation

/// One language's translations, read from `po/<language>.po`, as the renderer uses them: a
/// message's translation when it is translated, not fuzzy and keeps every formula, code
/// span, link target and reference of its source; otherwise nothing, and the page shows
/// the English text.
public struct Translation: Sendable {
    /// The language, as the catalog's file names it: `zh-CN`.
    public var language: String
    /// The catalog's file, relative to the book's root: `po/zh-CN.po`.
    public var file: String
    public var catalog: POCatalog
    private var usable: [Key: String] = [:]

    struct Key: Hashable {
        var context: String?
        var id: String
    }

    public init(language: String, file: String, catalog: POCatalog) {
        self.language = language
        self.file = file
        self.catalog = catalog
        for entry in catalog.entries {
            guard let text = entry.usableTranslation else { continue }
            usable[Key(context: entry.context, id: entry.id)] = text
        }
    }

    /// Reads `po/<language>.po` under `root`.
    public static func load(language: String, root: URL) throws -> Translation {
        let file = "po/\(language).po"
        let url = root.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LessonError.system("cannot read \(file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError.source(file: file, line: 1, message: "the catalog is not valid UTF-8")
        }
        return Translation(
            language: language, file: file, catalog: try POCatalog.parse(text, file: file))
    }

    /// The translation of a chapter message, or nil to show the source.
    public func translate(_ message: String) -> String? {
        usable[Key(context: nil, id: message)]
    }

    /// The translation of a piece of page text (`msgctxt "site"`), or the English.
    public func site(_ text: String) -> String {
        usable[Key(context: Translation.siteContext, id: text)] ?? text
    }

    /// The language's name in itself, for the language switch: the catalog's
    /// `X-Language-Name` header (`中文`), else its tag.
    public var languageName: String {
        catalog.headerValue("X-Language-Name") ?? language
    }

    /// The edition's folder in the site: the language's primary subtag (`zh/` for `zh-CN`).
    public var folder: String {
        String(language.split(separator: "-").first ?? Substring(language)).lowercased() + "/"
    }

    /// True if the catalog has a usable translation of a page text.
    public func translatesSite(_ text: String) -> Bool {
        usable[Key(context: Translation.siteContext, id: text)] != nil
    }

    /// The context of the page's own words (navigation, buttons, labels).
    public static let siteContext = "site"

    /// The translated, not fuzzy entries that break their source: a formula, code span,
    /// link target or reference dropped, changed or added, or a translation that is not
    /// one paragraph. Each problem names the catalog's line of the `msgstr`.
    public func problems() -> [LessonError] {
        var problems: [LessonError] = []
        for entry in catalog.entries {
            guard let text = entry.usableTranslation else { continue }
            let line = max(entry.translationLine, 1)
            guard let source = ProtectedParts(markdown: entry.id) else { continue }
            guard let translated = ProtectedParts(markdown: text) else {
                problems.append(
                    .source(
                        file: file, line: line,
                        message: "the translation is not one paragraph of Markdown "
                            + "(a blank line, fence or formula block in it?)"))
                continue
            }
            if entry.extractedComments.contains(TranslationUnit.Kind.heading.rawValue),
                let number = Section.parse(heading: entry.id, level: 2, line: 0)?.id,
                Section.parse(heading: text, level: 2, line: 0)?.id != number
            {
                problems.append(
                    .source(
                        file: file, line: line,
                        message: "the translation of a numbered heading must begin with its "
                            + "number, \(number), followed by a space"))
            }
            if entry.context == Translation.siteContext {
                let names = { (text: String) in
                    text.matches(of: #/\{[a-z]+\}/#).map { String($0.output) }.sorted()
                }
                if names(entry.id) != names(text) {
                    problems.append(
                        .source(
                            file: file, line: line,
                            message: "the translation must keep the placeholders "
                                + names(entry.id).joined(separator: " ")))
                }
            }
            for difference in source.differences(from: translated) {
                problems.append(
                    .source(file: file, line: line, message: "the translation \(difference)"))
            }
        }
        return problems
    }
}
