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
        let formulas = FormulaCatalog(chapters: chapters)
        let pages =
            [PageLayout.Link(file: "index.html", title: "Contents")]
            + chapters.map {
                PageLayout.Link(
                    file: "\($0.id).html",
                    title: [$0.number, $0.title].compactMap { $0 }.joined(separator: " "))
            } + [PageLayout.Link(file: "formulas.html", title: "Formulas")]
        var layout = PageLayout(chapters: chapters, pages: pages)
        layout.referenceModules = reference?.modules.map {
            PageLayout.Link(file: "api/\($0.page)", title: $0.name)
        }
        var chapterPages: [String: String] = [:]
        for chapter in chapters {
            let name = chapter.file.split(separator: "/").last.map(String.init) ?? chapter.file
            chapterPages[name] = "\(chapter.id).html"
        }
        let linker = reference.map { CodeLinker(reference: $0) }

        var files: [(String, String)] = [
            (
                "index.html",
                layout.page(file: "index.html", title: "Contents", body: IndexPage.body(chapters))
            )
        ]
        var problems: [LessonError] = []
        var resultsByChapter: [String: [Int: BlockResult]] = [:]
        var searchEntries = [SearchIndex.Entry(title: "Contents", url: "index.html", text: "")]
        var bodies: [(id: String, body: String)] = []
        var sources: [(String, String)] = []
        for result in results {
            let chapter = result.chapter
            let byID = Dictionary(uniqueKeysWithValues: result.blocks.map { ($0.block.id, $0) })
            resultsByChapter[chapter.id] = byID
            let page = ChapterPage(
                chapter: chapter, results: byID, formulas: formulas, math: math,
                chapterPages: chapterPages, linker: linker)
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
            // The chapter's Markdown, which its page links, published with the site.
            sources.append((PageLayout.sourcePath(chapter.file), chapter.source))
            searchEntries += SearchIndex.entries(of: chapter)
        }
        let formulaPage = FormulaIndexPage(
            formulas: formulas, math: math, results: resultsByChapter)
        do {
            files.append(
                (
                    "formulas.html",
                    layout.page(
                        file: "formulas.html", title: "Formulas", body: try formulaPage.body())
                ))
        } catch {
            problems.append(error)
        }
        guard problems.isEmpty else { throw SiteError(problems: problems) }
        files.append(
            (
                "print.html",
                layout.page(
                    file: "print.html", title: "The whole book", body: PrintPage.body(bodies))
            ))
        files += sources
        files.append(
            (
                "search.html",
                layout.page(file: "search.html", title: "Search", body: SearchPage.body)
            ))
        searchEntries.append(
            SearchIndex.Entry(
                title: "Formulas", url: "formulas.html",
                text: formulas.entries.map { TeXPlainText.text($0.formula.tex) }
                    .joined(separator: " ")))
        files.append(("search-index.js", try SearchIndex.script(searchEntries)))
        if let reference, let linker {
            files += ReferencePages(
                reference: reference, layout: layout, formulas: formulas,
                uses: ReferencePages.uses(chapters: chapters, linker: linker),
                sources: ReferencePages.sources(of: reference, root: root)
            ).files()
        }
        return files.map { ($0.0, Data($0.1.utf8)) } + (try SiteAssets.files())
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
