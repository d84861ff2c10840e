import Foundation

/// How `check` and `build` run the book.
public struct CheckOptions: Sendable {
    /// Which chapters must run even if the cache holds their results.
    public enum Refresh: Sendable, Equatable {
        case none
        case all
        case chapters(Set<String>)
    }

    public var jobs: Int
    public var accept = false
    public var refresh = Refresh.none

    public init(jobs: Int, accept: Bool = false, refresh: Refresh = .none) {
        self.jobs = jobs
        self.accept = accept
        self.refresh = refresh
    }

    func mustRun(_ chapter: Chapter) -> Bool {
        switch refresh {
        case .none: false
        case .all: true
        case .chapters(let names):
            names.contains(chapter.id) || chapter.number.map(names.contains) == true
        }
    }
}

extension Workspace {
    /// What, besides a chapter itself, its cached results depend on: the toolchain, the
    /// library sources, the limits.
    func cacheContext() throws -> CacheContext {
        try CacheContext.make(
            toolchain: toolchain, timeLimit: timeLimit, outputLimit: runner.outputLimit)
    }

    /// Runs every chapter, up to `jobs` at once, reusing cached runs whose inputs are
    /// unchanged; builds the library only if some chapter must run. With `accept`, rewrites
    /// the output blocks that differ (only in files that parsed completely).
    public func check(book: Book, options: CheckOptions, log: (String) -> Void = { _ in })
        -> CheckReport
    {
        var report = CheckReport(bookProblems: book.problems, results: [], runErrors: [])
        report.referenceProblems = ReferenceAnnotations(book: book).problems
        let cache = ResultCache(root: root)
        let context: CacheContext
        do {
            context = try cacheContext()
        } catch {
            report.runErrors.append("\(error)")
            return report
        }
        var results: [String: ChapterResult] = [:]
        var keys: [String: String] = [:]
        var toRun: [Chapter] = []
        for chapter in book.chapters {
            do {
                let key = try context.key(for: chapter)
                keys[chapter.id] = key
                if !options.mustRun(chapter), let cached = cache.load(key: key, chapter: chapter) {
                    results[chapter.id] = cached
                    continue
                }
            } catch {
                report.runErrors.append("\(error)")
                continue
            }
            toRun.append(chapter)
        }
        log("\(book.chapters.count - toRun.count) from the cache, \(toRun.count) to run\n")
        if !toRun.isEmpty {
            do {
                log("Building the libraries (release)…")
                let seconds = try toolchain.buildLibrary()
                log(" done (\(TerminalReporter.seconds(seconds)))\n")
                // Library sources edited while they built: this build is not known to be the
                // one the keys name, so its runs are not cached.
                let built = try? CacheContext.hashSources(
                    root: toolchain.root, libraries: toolchain.libraries)
                if built != context.librarySources { keys = [:] }
            } catch {
                log(" failed\n")
                report.runErrors.append("\(error)")
                return report
            }
            let runner = self.runner
            let outcomes = parallelMap(toRun, jobs: options.jobs) {
                chapter -> Result<ChapterResult, Error> in
                Result { try runner.run(chapter) }
            }
            for (chapter, outcome) in zip(toRun, outcomes) {
                switch outcome {
                case .success(let result):
                    results[chapter.id] = result
                    if let key = keys[chapter.id] { cache.store(result, key: key) }
                case .failure(let error):
                    report.runErrors.append("\(chapter.file): \(error)")
                }
            }
        }
        report.results = book.chapters.compactMap { results[$0.id] }
        if options.accept {
            do {
                let lock = try BuildLock(root: root)
                defer { withExtendedLifetime(lock) {} }
                report.accepted = self.accept(&report.results)
            } catch {
                report.runErrors.append("\(error)")
            }
        }
        return report
    }

    /// `check` with the cache, for tests and simple callers.
    public func check(book: Book, jobs: Int, accept: Bool = false) -> CheckReport {
        check(book: book, options: CheckOptions(jobs: jobs, accept: accept))
    }

    /// Runs every chapter and, only if all of them pass and every page renders (every formula
    /// typesets, every reference resolves), writes the site into `Site/`. A failure leaves the
    /// previous site untouched; the report says why. Holds the
    /// book's lock throughout, so a second build started meanwhile stops with a clear message.
    public func build(book: Book, options: CheckOptions, log: (String) -> Void = { _ in }) throws
        -> CheckReport
    {
        let lock = try BuildLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        var report = check(book: book, options: options, log: log)
        guard report.passed else { return report }
        do {
            try SiteBuilder(
                root: root, results: report.results, reference: try apiReference(),
                translations: try translations()
            ).write()
        } catch let error as SiteError {
            // A formula KaTeX cannot typeset or a reference to no formula: the old site stays.
            report.bookProblems += error.problems
        }
        return report
    }

    /// The site's files as a build would write them now, from a check's results.
    public func siteFiles(results: [ChapterResult]) throws -> [(name: String, contents: Data)] {
        do {
            return try SiteBuilder(
                root: root, results: results, reference: try apiReference(),
                translations: try translations()
            ).files()
        } catch let error as SiteError {
            throw LessonError.system(error.problems.map(\.description).joined(separator: "\n"))
        }
    }

    public func build(book: Book, jobs: Int) throws -> CheckReport {
        try build(book: book, options: CheckOptions(jobs: jobs))
    }

    /// Rewrites mismatched expected outputs in place; returns the files and block counts.
    /// A block whose file was rewritten no longer counts as mismatched.
    func accept(_ results: inout [ChapterResult]) -> [(file: String, blocks: Int)] {
        var accepted: [(file: String, blocks: Int)] = []
        for (index, result) in results.enumerated() {
            let changes = result.blocks.compactMap { block -> ExpectedOutputRewriter.Change? in
                guard block.diff != nil, let expected = block.block.expected else { return nil }
                return ExpectedOutputRewriter.Change(expected: expected, newText: block.output)
            }
            guard !changes.isEmpty else { continue }
            let text = ExpectedOutputRewriter.apply(changes, to: result.chapter.source)
            let url = root.appendingPathComponent(result.chapter.file)
            guard (try? String(contentsOf: url, encoding: .utf8)) == result.chapter.source else {
                accepted.append(
                    (result.chapter.file + " (not written: it changed during the run)", 0))
                continue
            }
            do {
                try ExpectedOutputRewriter.write(text, to: url)
                accepted.append((result.chapter.file, changes.count))
                for block in results[index].blocks.indices {
                    results[index].blocks[block].diff = nil
                }
            } catch {
                accepted.append((result.chapter.file + " (not written: \(error))", 0))
            }
        }
        return accepted
    }
}
