import Foundation

/// The site as `lessons serve` keeps it: every chapter's latest result, rebuilt chapter by
/// chapter when its Markdown changes, written to `Site/` whenever everything passes.
public struct LiveSite {
    public let workspace: Workspace
    public private(set) var results: [ChapterResult] = []

    /// A live site for the workspace; the first `refresh()` runs every chapter.
    public init(workspace: Workspace) throws {
        self.workspace = workspace
    }

    /// Runs the chapters that changed since the last call (all of them the first time) and
    /// rewrites the site if everything passes. Returns nil when nothing changed, else the
    /// chapters rerun and the problems (empty when the site was written).
    public mutating func refresh() throws -> (rerun: [String], problems: [String])? {
        let book = try workspace.loadBook()
        let previous = Dictionary(
            results.map { ($0.chapter.file, $0) }, uniquingKeysWith: { first, _ in first })
        let unchanged = book.chapters.allSatisfy { previous[$0.file]?.chapter.source == $0.source }
        if unchanged && book.chapters.count == results.count && !results.isEmpty { return nil }
        var rerun: [String] = []
        var updated: [ChapterResult] = []
        var problems = book.problems.map(\.description)
        for chapter in book.chapters {
            if let kept = previous[chapter.file], kept.chapter.source == chapter.source {
                updated.append(kept)
                continue
            }
            rerun.append(chapter.file)
            do {
                updated.append(try workspace.run(chapter, section: nil, observer: nil))
            } catch {
                problems.append("\(chapter.file): \(error)")
            }
        }
        results = updated
        problems += updated.flatMap(\.problems)
        if problems.isEmpty {
            do {
                try SiteBuilder(root: workspace.root, results: updated).write()
            } catch let error as SiteError {
                problems += error.problems.map(\.description)
            }
        }
        return (rerun, problems)
    }
}
