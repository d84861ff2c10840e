import Foundation

/// Rendering entry points the commands use.
public enum Renderer {
    /// One Markdown file's HTML body, with no code run (`lessons render`).
    public static func body(markdown: String, file: String) throws -> String {
        let chapter = try ChapterParser(file: file, source: markdown).parse()
        return PageRenderer(chapter: chapter, results: [:], book: [chapter]).body()
    }
}

extension Workspace {
    /// Runs every chapter and, only if all of them pass, writes the site into `Site/`.
    /// A failing check leaves the previous site untouched; the report says why.
    public func build(book: Book, jobs: Int) throws -> CheckReport {
        let report = check(book: book, jobs: jobs)
        if report.passed { try SiteBuilder(root: root, results: report.results).write() }
        return report
    }
}
