import Foundation

/// The site as `lessons serve` keeps it: every chapter's latest result, rebuilt chapter by
/// chapter when its Markdown changes, written to `Site/` whenever everything passes.
public struct LiveSite {
    public let workspace: Workspace
    public private(set) var results: [ChapterResult] = []
    /// The chapters as the last refresh read them: the text of each that parsed, and the
    /// problems of those that did not. Nil before the first refresh.
    private var seen: Seen?
    /// The hash of the library sources the engine's build of the libraries was last made
    /// from; nil before the first build, or when the sources changed while it built.
    private var builtLibrary: String?
    /// The files' sizes and times at the last refresh that read them.
    private var stamp: SourceStamp?

    private struct Seen: Equatable {
        var sources: [String: String]
        var problems: [LessonError]
        /// The hash of the libraries' sources (nil if they cannot be read).
        var librarySources: String?
        /// The translation catalogs (`po/*.po`), by file: a save there rewrites the
        /// translated editions.
        var catalogs: [String: Data] = [:]
    }

    /// What one refresh did.
    public struct Change: Sendable, Equatable {
        /// The chapter files run again.
        public var rerun: [String]
        /// Every problem, each naming its file and line; empty when `Site/` was rewritten.
        public var problems: [String]

        public var siteWritten: Bool { problems.isEmpty }

        /// The lines `lessons serve` prints about it.
        public var report: [String] {
            var lines = ["Ran \(rerun.isEmpty ? "nothing" : rerun.joined(separator: ", "))."]
            if problems.isEmpty {
                lines.append("Site/ rewritten.")
            } else {
                lines.append("Site/ kept as it was; \(problems.count) problem(s):")
                lines += problems.map { "  \($0)" }
            }
            return lines
        }
    }

    /// A live site for the workspace; the first `refresh()` runs every chapter.
    public init(workspace: Workspace) throws {
        self.workspace = workspace
    }

    /// Runs the chapters that changed since the last call (all of them the first time, and
    /// all of them when the libraries' sources changed), unless the result cache already holds
    /// their run, and rewrites the site if everything passes. Before running any, it rebuilds
    /// the libraries if their sources changed since the last build, so a chapter never runs
    /// against an old build and its result is kept under the key of the build it used.
    /// Returns nil when no chapter file and no library source changed, so a problem is
    /// reported once, when it appears, and again only after another save.
    public mutating func refresh() throws -> Change? {
        let toolchain = workspace.toolchain
        // Nothing saved since the last look: nothing to read.
        let stamp = SourceStamp(root: workspace.root, libraries: toolchain.libraries)
        if seen != nil, stamp == self.stamp { return nil }
        let book = try workspace.loadBook()
        let now = Seen(
            sources: Dictionary(
                book.chapters.map { ($0.file, $0.source) }, uniquingKeysWith: { first, _ in first }),
            problems: book.problems,
            librarySources: try? CacheContext.hashSources(
                root: toolchain.root, libraries: toolchain.libraries),
            catalogs: Dictionary(
                workspace.translationLanguages().map { language in
                    let file = "po/\(language).po"
                    return (
                        file,
                        FileManager.default.contents(
                            atPath: workspace.root.appendingPathComponent(file).path) ?? Data()
                    )
                }, uniquingKeysWith: { first, _ in first }))
        // Compared with what the chapters were, not with the results kept: a chapter that no
        // longer parses has no result, and must neither be reported at every call nor hide a
        // later, different breakage of the same file.
        self.stamp = stamp
        if now == seen { return nil }
        // New library sources: every chapter's kept result may be stale.
        let librariesChanged = seen.map { $0.librarySources != now.librarySources } ?? false
        seen = now
        let previous =
            librariesChanged
            ? [:]
            : Dictionary(
                results.map { ($0.chapter.file, $0) }, uniquingKeysWith: { first, _ in first })
        var rerun: [String] = []
        var updated: [ChapterResult] = []
        var problems = book.problems.map(\.description)
        // The result cache `lessons build` uses: a save that changed only prose, expected
        // outputs or line numbers reruns nothing.
        let cache = ResultCache(root: workspace.root)
        let context = try? workspace.cacheContext()
        var libraryProblem: String?
        var libraryBuiltNow = false
        for chapter in book.chapters {
            if let kept = previous[chapter.file], kept.chapter.source == chapter.source {
                updated.append(kept)
                continue
            }
            var key = try? context?.key(for: chapter)
            if let key, let cached = cache.load(key: key, chapter: chapter) {
                updated.append(cached)
                continue
            }
            if chapter.blocks.contains(where: \.runs) {
                // At most one build a refresh, and only when a chapter must run.
                if !libraryBuiltNow, builtLibrary == nil || builtLibrary != now.librarySources {
                    libraryProblem = buildLibrary(sources: now.librarySources)
                    libraryBuiltNow = true
                }
                if let libraryProblem {
                    problems.append("\(chapter.file): not run: \(libraryProblem)")
                    continue
                }
                // Results are kept only under the key of the sources the build was made from.
                if builtLibrary != context?.librarySources { key = nil }
            }
            rerun.append(chapter.file)
            do {
                let result = try workspace.run(chapter, section: nil, observer: nil)
                updated.append(result)
                if let key { cache.store(result, key: key) }
            } catch {
                problems.append("\(chapter.file): \(error)")
            }
        }
        results = updated
        problems += updated.flatMap(\.problems)
        if problems.isEmpty {
            do {
                // Like `lessons build`, under the book's lock: the two would otherwise share
                // the staging folder and swap half-written sites in for each other's.
                let lock = try BuildLock(root: workspace.root)
                defer { withExtendedLifetime(lock) {} }
                try SiteBuilder(
                    root: workspace.root, results: updated,
                    reference: try workspace.apiReference(),
                    translations: try workspace.translations()
                ).write()
            } catch let error as SiteError {
                problems += error.problems.map(\.description)
            } catch {
                // Reported like any problem: the server goes on serving the previous site.
                problems.append("Site/ could not be written: \(error)")
            }
        }
        return Change(rerun: rerun, problems: problems)
    }

    /// Builds the libraries when a chapter has code to run (what the first `refresh()` would
    /// do), so that `lessons serve` builds them once, before it says so. Returns the seconds
    /// it took, or nil when nothing runs; throws why they did not build (and the next
    /// `refresh()` tries again).
    public mutating func buildLibraryFirst() throws -> Double? {
        let book = try workspace.loadBook()
        guard book.chapters.contains(where: { $0.blocks.contains(where: \.runs) }) else {
            return nil
        }
        let toolchain = workspace.toolchain
        let sources = try? CacheContext.hashSources(
            root: toolchain.root, libraries: toolchain.libraries)
        let start = Date()
        if let problem = buildLibrary(sources: sources) { throw LessonError.system(problem) }
        return Date().timeIntervalSince(start)
    }

    /// Builds the libraries; returns why not, or nil. `sources` is the hash of their sources
    /// before the build: if they changed while it ran, the build is not known to match them,
    /// and nothing it runs is cached until the next build.
    private mutating func buildLibrary(sources: String?) -> String? {
        builtLibrary = nil
        do {
            _ = try workspace.toolchain.buildLibrary()
        } catch {
            return "the libraries did not build: \(error)"
        }
        let toolchain = workspace.toolchain
        let after = try? CacheContext.hashSources(
            root: toolchain.root, libraries: toolchain.libraries)
        if let sources, after == sources { builtLibrary = sources }
        return nil
    }
}
