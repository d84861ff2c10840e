import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Workspace {
    /// The catalog folder, `po/`.
    public var translationsFolder: URL { root.appendingPathComponent("po") }

    /// The languages with a catalog in `po/`, from their file names (`zh-CN`), sorted.
    public func translationLanguages() -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: translationsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".po") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(3)) }.sorted()
    }

    /// Every language's catalog, for the site's translated editions.
    public func translations() throws -> [Translation] {
        try translationLanguages().map { try Translation.load(language: $0, root: root) }
    }

    /// The template of every message: each chapter's units in file order, a message that
    /// occurs twice listed once with both references; then the site's own words.
    public func translationTemplate(_ book: Book) -> POCatalog {
        var entries: [POEntry] = []
        var index: [String: Int] = [:]
        for chapter in book.chapters {
            for unit in UnitExtractor(chapter: chapter).units(of: chapter.document) {
                if let existing = index[unit.text] {
                    entries[existing].references.append(unit.reference)
                    continue
                }
                var entry = POEntry(id: unit.text)
                entry.extractedComments = [unit.kind.rawValue]
                entry.references = [unit.reference]
                index[unit.text] = entries.count
                entries.append(entry)
            }
        }
        for text in SiteText.all {
            var entry = POEntry(id: text, context: Translation.siteContext)
            entry.extractedComments = ["page text"]
            entries.append(entry)
        }
        return POCatalog(header: Self.templateHeader, entries: entries)
    }

    static let templateHeader: [(name: String, value: String)] = [
        ("Project-Id-Version", "Neural Lessons"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ]

    /// Writes `po/messages.pot`; returns its path and the number of messages.
    @discardableResult
    public func extractTranslations() throws -> (file: String, messages: Int) {
        let book = try loadBook()
        if let problem = book.problems.first { throw problem }
        let template = translationTemplate(book)
        try FileManager.default.createDirectory(
            at: translationsFolder, withIntermediateDirectories: true)
        let url = translationsFolder.appendingPathComponent("messages.pot")
        try Data(template.text.utf8).write(to: url, options: .atomic)
        return ("po/messages.pot", template.entries.count)
    }

    /// Extracts the template and merges it into `po/<language>.po` with GNU gettext's
    /// `msgmerge`: existing translations are kept, changed messages are marked fuzzy (with
    /// the previous source as `#|`), removed ones kept as obsolete `#~` entries. A new
    /// language starts from the template.
    public func updateTranslations(language: String) throws {
        guard
            language.range(of: "^[a-z]{2,3}(-[A-Za-z0-9]+)*$", options: .regularExpression)
                != nil
        else {
            throw LessonError.usage(
                "\(language) is not a language tag like zh-CN, fr or pt-BR")
        }
        try extractTranslations()
        let template = translationsFolder.appendingPathComponent("messages.pot")
        let catalog = translationsFolder.appendingPathComponent("\(language).po")
        let manager = FileManager.default
        if !manager.fileExists(atPath: catalog.path) {
            var fresh = try POCatalog.parse(
                String(decoding: try Data(contentsOf: template), as: UTF8.self),
                file: "po/messages.pot")
            // The fields msgfmt --check asks a translation for; the translator updates them.
            fresh.header.insert(
                contentsOf: [
                    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
                    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
                    ("Language-Team", language),
                    ("Language", language.replacingOccurrences(of: "-", with: "_")),
                ], at: 1)
            fresh.header.append(("Plural-Forms", "nplurals=1; plural=0;"))
            try Data(fresh.text.utf8).write(to: catalog, options: .atomic)
            return
        }
        let merged = translationsFolder.appendingPathComponent(".\(language).po.merging")
        defer { try? manager.removeItem(at: merged) }
        let result = try Subprocess(
            executable: "/usr/bin/env",
            arguments: [
                "msgmerge", "--quiet", "--no-wrap", "--previous",
                "--output-file=\(merged.path)", catalog.path, template.path,
            ], timeLimit: 120
        ).run()
        guard result.succeeded else {
            throw LessonError.system(
                "msgmerge failed (is GNU gettext installed? apt-get install gettext):\n"
                    + result.text)
        }
        guard rename(merged.path, catalog.path) == 0 else {
            throw LessonError.system("cannot replace po/\(language).po: \(errnoText())")
        }
    }

    /// Each chapter's coverage in `translation`, in book order.
    public func translationCoverage(_ book: Book, _ translation: Translation)
        -> [TranslationCoverage]
    {
        book.chapters.map { chapter in
            let units = UnitExtractor(chapter: chapter).units(of: chapter.document)
            return TranslationCoverage(
                file: chapter.file,
                translated: units.filter { translation.translate($0.text) != nil }.count,
                total: units.count)
        }
    }
}

/// What `lessons check` says of the translations: each catalog's coverage per chapter and
/// its broken entries.
public struct TranslationReport: Sendable {
    public var lines: [String] = []
    public var problems: [LessonError] = []
    /// True if every catalog translates every message of every chapter.
    public var complete = true

    /// True if the check passes: no broken entry, and full coverage unless partial
    /// translations are allowed.
    public func passed(allowingPartial: Bool) -> Bool {
        problems.isEmpty && (complete || allowingPartial)
    }

    public var text: String { lines.map { $0 + "\n" }.joined() }
}

extension Workspace {
    /// Every catalog's coverage and problems.
    public func translationReport(_ book: Book) throws -> TranslationReport {
        var report = TranslationReport()
        for translation in try translations() {
            let coverage = translationCoverage(book, translation)
            let all = TranslationCoverage(
                file: translation.file, translated: coverage.map(\.translated).reduce(0, +),
                total: coverage.map(\.total).reduce(0, +))
            report.lines.append(
                "Translation \(all.file): \(all.translated)/\(all.total) messages "
                    + "(\(all.shownPercent) %)")
            let pageText = TranslationCoverage(
                file: "page text",
                translated: SiteText.all.filter(translation.translatesSite).count,
                total: SiteText.all.count)
            for chapter in coverage + [pageText] where !chapter.complete {
                report.lines.append("  " + chapter.summary)
                report.complete = false
            }
            report.problems += translation.problems()
        }
        return report
    }
}
