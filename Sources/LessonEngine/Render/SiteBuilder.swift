import Foundation

/// Builds the site as named steps — typeset every formula, render each chapter, the index,
/// the Formulas and search pages, the search index, the static files — and writes it into a
/// temporary folder that replaces `Site/` only when every page was written.
///
/// The output depends only on the chapters, their results and the installed KaTeX: no
/// timestamps, no absolute paths, no unordered iteration. Two builds are byte-identical.
struct SiteBuilder {
    var root: URL
    var results: [ChapterResult]
    var mathRenderer = MathRenderer()
    /// The libraries' API, for `api/` and the links from code blocks; nil for none.
    var reference: APIReference? = nil

    /// The translated editions' catalogs (`po/zh-CN.po`): each adds an edition of every page
    /// but the API reference in its folder (`zh/`), from the same results.
    var translations: [Translation] = []

    /// One edition of the book: its language's words, its folder, its chapters as it shows
    /// them.
    struct Edition {
        var text: PageText
        /// `""` for English, `zh/` for a translation.
        var folder: String
        /// The language's name in itself, for the other editions' switch.
        var label: String
        var chapters: [Chapter]

        /// The path from this edition's pages to the shared files at the site's root.
        var sharedRoot: String { folder.isEmpty ? "" : "../" }
    }

    /// What every edition shares: the formulas typeset once, the code links, the results.
    private struct Shared {
        var math: MathCatalog
        var linker: CodeLinker?
        var results: [String: [Int: BlockResult]]
        /// The English pages' heading anchors, by chapter id and line.
        var anchors: [String: [Int: String]]
    }

    /// The files of the site, by path, in a fixed order.
    func files() throws -> [(name: String, contents: Data)] {
        let chapters = results.map(\.chapter)
        let math: MathCatalog
        do {
            var renderer = mathRenderer
            if renderer.cacheFile == nil {
                renderer.cacheFile = root.appendingPathComponent(".build-lessons/math-cache.json")
            }
            math = try MathCatalog(chapters: chapters, renderer: renderer)
        } catch let error as MathCatalogError {
            throw SiteError(problems: error.problems)
        }
        let translationProblems = translations.flatMap { $0.problems() }
        guard translationProblems.isEmpty else { throw SiteError(problems: translationProblems) }
        var resultsByChapter: [String: [Int: BlockResult]] = [:]
        for result in results {
            resultsByChapter[result.chapter.id] = Dictionary(
                uniqueKeysWithValues: result.blocks.map { ($0.block.id, $0) })
        }
        var anchors: [String: [Int: String]] = [:]
        for chapter in chapters { anchors[chapter.id] = ChapterPage.anchorsByLine(of: chapter) }
        let shared = Shared(
            math: math, linker: reference.map { CodeLinker(reference: $0) },
            results: resultsByChapter, anchors: anchors)
        let editions =
            [Edition(text: .english, folder: "", label: "English", chapters: chapters)]
            + translations.map { translation in
                Edition(
                    text: PageText(language: translation.language, translation: translation),
                    folder: translation.folder, label: translation.languageName,
                    chapters: chapters.map { $0.translated(by: translation) })
            }
        var files: [(String, String)] = []
        var problems: [LessonError] = []
        var englishLayout: PageLayout? = nil
        for edition in editions {
            let switches = editions.filter { $0.folder != edition.folder }.map {
                PageLayout.LanguageSwitch(
                    prefix: edition.sharedRoot + $0.folder, language: $0.text.language,
                    label: $0.label)
            }
            do {
                let (layout, pages) = try self.files(
                    of: edition, switches: switches, shared: shared)
                files += pages.map { (edition.folder + $0.0, $0.1) }
                if edition.folder.isEmpty { englishLayout = layout }
            } catch let error as SiteError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw SiteError(problems: problems) }
        // The chapters' Markdown, which their pages link, published once with the site.
        files += results.map { (PageLayout.sourcePath($0.chapter.file), $0.chapter.source) }
        if let reference, let linker = shared.linker, var layout = englishLayout {
            // The reference is English only, and every edition links to it.
            layout.switches = []
            files += ReferencePages(
                reference: reference, layout: layout, formulas: FormulaCatalog(chapters: chapters),
                uses: ReferencePages.uses(chapters: chapters, linker: linker),
                sources: ReferencePages.sources(of: reference, root: root)
            ).files()
        }
        return files.map { ($0.0, Data($0.1.utf8)) } + (try SiteAssets.files())
    }

    /// One edition's pages, by path within its folder, and its layout.
    private func files(
        of edition: Edition, switches: [PageLayout.LanguageSwitch], shared: Shared
    ) throws -> (PageLayout, [(String, String)]) {
        let text = edition.text
        let chapters = edition.chapters
        let formulas = FormulaCatalog(chapters: chapters)
        let pages =
            [PageLayout.Link(file: "index.html", title: text("Contents"))]
            + chapters.map {
                PageLayout.Link(
                    file: "\($0.id).html",
                    title: [$0.number, $0.title].compactMap { $0 }.joined(separator: " "))
            } + [PageLayout.Link(file: "formulas.html", title: text("Formulas"))]
        var layout = PageLayout(chapters: chapters, pages: pages)
        layout.text = text
        layout.sharedRoot = edition.sharedRoot
        layout.switches = switches
        layout.referenceModules = reference?.modules.map {
            PageLayout.Link(file: "api/\($0.page)", title: $0.name)
        }
        var chapterPages: [String: String] = [:]
        for chapter in chapters {
            let name = chapter.file.split(separator: "/").last.map(String.init) ?? chapter.file
            chapterPages[name] = "\(chapter.id).html"
        }

        var files: [(String, String)] = [
            (
                "index.html",
                layout.page(
                    file: "index.html", title: text("Contents"),
                    body: IndexPage.body(chapters, text: text))
            )
        ]
        var problems: [LessonError] = []
        var searchEntries = [
            SearchIndex.Entry(title: text("Contents"), url: "index.html", text: "")
        ]
        var bodies: [(id: String, body: String)] = []
        for chapter in chapters {
            var page = ChapterPage(
                chapter: chapter, results: shared.results[chapter.id] ?? [:], formulas: formulas,
                math: shared.math, chapterPages: chapterPages, linker: shared.linker)
            page.text = text
            page.apiBase = edition.sharedRoot + "api/"
            if !edition.folder.isEmpty { page.headingAnchors = shared.anchors[chapter.id] ?? [:] }
            do {
                let body = try page.body()
                bodies.append((chapter.id, body))
                files.append(
                    (
                        "\(chapter.id).html",
                        layout.page(
                            file: "\(chapter.id).html",
                            title: pages.first {
                                $0.file == "\(chapter.id).html"
                            }?.title ?? chapter.title,
                            body: body, outline: page.outline, source: chapter.file)
                    ))
            } catch {
                problems.append(error)
            }
            searchEntries += SearchIndex.entries(of: chapter)
        }
        var formulaPage = FormulaIndexPage(
            formulas: formulas, math: shared.math, results: shared.results)
        formulaPage.text = text
        do {
            files.append(
                (
                    "formulas.html",
                    layout.page(
                        file: "formulas.html", title: text("Formulas"),
                        body: try formulaPage.body())
                ))
        } catch {
            problems.append(error)
        }
        guard problems.isEmpty else { throw SiteError(problems: problems) }
        files.append(
            (
                "print.html",
                layout.page(
                    file: "print.html", title: text("The whole book"),
                    body: PrintPage.body(bodies, text: text))
            ))
        files.append(
            (
                "search.html",
                layout.page(
                    file: "search.html", title: text("Search"), body: SearchPage.body(text: text))
            ))
        searchEntries.append(
            SearchIndex.Entry(
                title: text("Formulas"), url: "formulas.html",
                text: formulas.entries.map { TeXPlainText.text($0.formula.tex) }
                    .joined(separator: " ")))
        files.append(("search-index.js", try SearchIndex.script(searchEntries)))
        return (layout, files)
    }

    /// Writes the files into `folder`, which must not exist yet.
    static func write(_ files: [(name: String, contents: Data)], into folder: URL) throws {
        let manager = FileManager.default
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try manager.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url)
        }
    }

    /// Writes the files to a temporary folder, then swaps it in for `Site/`.
    func write() throws {
        let files = try self.files()
        let manager = FileManager.default
        let site = root.appendingPathComponent("Site")
        let staging = root.appendingPathComponent(".build-lessons/site-staging")
        try? manager.removeItem(at: staging)
        try Self.write(files, into: staging)
        try DirectorySwap.replace(site, with: staging)
    }
}

/// Pages that could not be rendered: formulas KaTeX refused, references to missing labels.
struct SiteError: Error, Equatable {
    var problems: [LessonError]
}
