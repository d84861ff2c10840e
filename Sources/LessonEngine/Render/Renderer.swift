import Foundation

/// Rendering entry points the commands use.
public enum Renderer {
    /// One Markdown file's HTML body, with no code run and formulas left as TeX
    /// (`lessons render`).
    public static func body(markdown: String, file: String) throws -> String {
        let chapter = try ChapterParser(file: file, source: markdown).parse()
        return try ChapterPage(
            chapter: chapter, results: [:], formulas: FormulaCatalog(chapters: [chapter]),
            math: MathCatalog()
        ).body()
    }
}

extension Workspace {
    /// Runs every chapter and, only if all of them pass and every page renders (every
    /// formula typesets, every reference resolves), writes the site into `Site/`.
    /// A failure leaves the previous site untouched; the report says why.
    public func build(book: Book, jobs: Int) throws -> CheckReport {
        var report = check(book: book, jobs: jobs)
        guard report.passed else { return report }
        do {
            try SiteBuilder(root: root, results: report.results).write()
        } catch let error as SiteError {
            report.bookProblems += error.problems
        }
        return report
    }

    /// The site's files as a build would write them now, from a check's results.
    public func siteFiles(results: [ChapterResult]) throws -> [(name: String, contents: Data)] {
        do {
            return try SiteBuilder(root: root, results: results).files()
        } catch let error as SiteError {
            throw LessonError.system(error.problems.map(\.description).joined(separator: "\n"))
        }
    }
}
