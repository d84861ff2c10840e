import Foundation

/// The book's package on disk: where it is, its chapters, and the tools that run them.
/// The `lessons` commands are thin layers over this type.
public struct Workspace: Sendable {
    public var root: URL
    public var toolchain: Toolchain
    public var timeLimit: Double

    public init(root: URL, timeLimit: Double = 600, compileTimeLimit: Double? = nil) {
        self.root = root
        self.toolchain = Toolchain(root: root)
        self.timeLimit = timeLimit
        if let compileTimeLimit { toolchain.compileTimeLimit = compileTimeLimit }
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

    /// Runs a chapter up to a block as the notebook does (see
    /// `ChapterRunner.run(_:through:replacing:observer:)`).
    public func run(_ chapter: Chapter, through blockID: Int, observer: (any RunObserver)?)
        throws -> ChapterResult
    {
        var runner = self.runner
        runner.figureArchive = figureArchive
        try? FileManager.default.removeItem(
            at: figureArchive.appendingPathComponent(chapter.id))
        return try runner.run(chapter, through: blockID, observer: observer)
    }
}
