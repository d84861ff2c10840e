import Foundation

/// The book's package on disk: where it is, its chapters, and the tools that run them.
/// The `lessons` commands are thin layers over this type.
public struct Workspace: Sendable {
    public var root: URL
    public var toolchain: Toolchain
    public var timeLimit: Double

    public init(root: URL, timeLimit: Double = 600) {
        self.root = root
        self.toolchain = Toolchain(root: root)
        self.timeLimit = timeLimit
    }

    /// The nearest folder, from `start` upwards, that holds `Package.swift` and `Chapters/`.
    public static func locate(from start: URL) throws -> URL {
        var folder = start.standardizedFileURL
        while true {
            let manager = FileManager.default
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: folder.appendingPathComponent("Chapters").path)
            {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                throw LessonError.usage(
                    "no book here: run lessons inside the package (a folder with Package.swift and Chapters/), "
                        + "or pass --root")
            }
            folder = parent
        }
    }

    public func loadBook() throws -> Book { try Book.load(root: root) }

    var runner: ChapterRunner { ChapterRunner(toolchain: toolchain, timeLimit: timeLimit) }

    /// Where `lessons run` keeps the figures blocks show: `.build-lessons/figures/<chapter>/`.
    public var figureArchive: URL { toolchain.scratchPath.appendingPathComponent("figures") }

    /// Runs one chapter or section, telling the observer as it goes; keeps a copy of every
    /// figure under `figureArchive`.
    public func run(_ chapter: Chapter, section: Section?, observer: (any RunObserver)?) throws
        -> ChapterResult
    {
        var runner = self.runner
        runner.figureArchive = figureArchive
        try? FileManager.default.removeItem(
            at: figureArchive.appendingPathComponent(chapter.id))
        return try runner.run(chapter, section: section, observer: observer)
    }

    /// Runs every chapter, up to `jobs` at once; with `accept`, rewrites the output blocks
    /// that differ (only in files that parsed completely).
    public func check(book: Book, jobs: Int, accept: Bool = false) -> CheckReport {
        let runner = self.runner
        let outcomes = parallelMap(book.chapters, jobs: jobs) {
            chapter -> Result<ChapterResult, Error> in
            Result { try runner.run(chapter) }
        }
        var report = CheckReport(bookProblems: book.problems, results: [], runErrors: [])
        for (chapter, outcome) in zip(book.chapters, outcomes) {
            switch outcome {
            case .success(let result): report.results.append(result)
            case .failure(let error): report.runErrors.append("\(chapter.file): \(error)")
            }
        }
        if accept { report.accepted = self.accept(&report.results) }
        return report
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
