import Foundation

/// The live notebook behind `lessons serve`: runs a chapter with the reader's edits through the
/// engine `lessons run` uses, stops such a run, and saves edits into the chapter's Markdown.
///
/// Runs of one chapter never interleave: while one runs, another is refused (409), and the
/// page offers Stop instead. Runs of different chapters may go on at once.
public final class Notebook: @unchecked Sendable {
    public let workspace: Workspace
    /// Warm kernels, so that a Run does not run the blocks above the edited one again (see
    /// `Kernel`); nil runs every edit from the start.
    public let kernels: KernelPool?
    private let lock = NSLock()
    /// The run under way for each chapter file.
    private var running: [String: RunCancellation] = [:]
    /// The chapters whose kernel is being got ready after their page opened.
    private var warming: Set<String> = []
    /// The chapters last read from disk, by file.
    private var parsed: [String: Chapter] = [:]

    public init(workspace: Workspace, kernels: KernelPool? = KernelPool()) {
        self.workspace = workspace
        self.kernels = kernels
    }

    /// The chapter a site page shows (`chapter3.html`), as the page edits it; nil for pages
    /// that are not chapters or chapters that do not parse. Gets a kernel ready for the
    /// chapter's last block, in the background.
    func page(named name: String) -> NotebookPage? {
        guard let book = try? workspace.loadBook(),
            let chapter = book.chapters.first(where: { "\($0.id).html" == name })
        else { return nil }
        warm(chapter)
        return NotebookPage(chapter)
    }

    /// A runner as the notebook's runs use it: with the kernels.
    var runner: ChapterRunner {
        var runner = workspace.runner
        runner.kernels = kernels
        return runner
    }

    /// Compiles the blocks above the chapter's last block and starts them in a kernel, on a
    /// thread of its own, unless that chapter is running or warming already.
    func warm(_ chapter: Chapter) {
        guard kernels != nil, let last = ChapterRunner.lastOrdinaryBlock(of: chapter) else {
            return
        }
        let claimed = lock.withLock {
            guard running[chapter.file] == nil, !warming.contains(chapter.file) else {
                return false
            }
            warming.insert(chapter.file)
            return true
        }
        guard claimed else { return }
        let runner = self.runner
        Thread { [self] in
            defer { _ = lock.withLock { warming.remove(chapter.file) } }
            try? runner.prepareKernel(chapter, through: last)
        }.start()
    }

    /// Starts a run: checks the request against the chapter on disk and claims the chapter.
    /// The caller then calls `execute` on a thread of its own.
    func startRun(_ request: NotebookRequest) throws(NotebookRefusal) -> NotebookRun {
        guard let block = request.block else { throw .badRequest("no block to run") }
        let chapter = try edited(request)
        guard chapter.blocks.contains(where: { $0.id == block }) else {
            throw .badRequest("\(request.file) has no Swift block \(block)")
        }
        let cancellation = RunCancellation()
        let claimed = lock.withLock {
            guard running[request.file] == nil else { return false }
            running[request.file] = cancellation
            return true
        }
        guard claimed else {
            throw NotebookRefusal(
                status: 409,
                error: "\(request.file) is already running: wait for it to end, or stop it")
        }
        return NotebookRun(
            notebook: self, chapter: chapter, block: block, cancellation: cancellation)
    }

    /// Stops the chapter's run, if one is under way; true if there was one.
    @discardableResult
    func stop(file: String) -> Bool {
        guard let cancellation = lock.withLock({ running[file] }) else { return false }
        cancellation.cancel()
        return true
    }

    func finished(_ run: NotebookRun) {
        lock.withLock {
            if running[run.chapter.file] === run.cancellation { running[run.chapter.file] = nil }
        }
    }

    /// Writes the edits into the chapter's Markdown, atomically and under the book's lock,
    /// unless the file changed since the page was built. Returns the chapter as it now is.
    func save(_ request: NotebookRequest) throws(NotebookRefusal) -> NotebookPage {
        let lock: BuildLock
        do {
            lock = try Self.takeLock(root: workspace.root)
        } catch {
            throw NotebookRefusal(status: 503, error: "\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        let chapter = try current(request)
        let text: String
        let saved: Chapter
        do {
            text = try request.edit.apply(to: chapter)
            saved = try ChapterParser(file: chapter.file, source: text).parse()
        } catch {
            throw .badRequest("the edit would break the chapter: \(error)")
        }
        do {
            try ExpectedOutputRewriter.write(
                text, to: workspace.root.appendingPathComponent(saved.file))
        } catch {
            throw NotebookRefusal(
                status: 500, error: "\(saved.file) could not be written: \(error)")
        }
        return NotebookPage(saved)
    }

    /// The chapter on disk, if it is the version the page was built from.
    private func current(_ request: NotebookRequest) throws(NotebookRefusal) -> Chapter {
        let chapter = try onDisk(request.file)
        guard NotebookPage(chapter).hash == request.hash else {
            throw NotebookRefusal(
                status: 409,
                error: "\(request.file) changed on disk since this page was loaded; nothing was "
                    + "written, and your edits are still here: copy them, reload the page and "
                    + "apply them again",
                current: NotebookPage(chapter))
        }
        return chapter
    }

    /// The chapter `file` as it is on disk: that one file read, and parsed again only when it
    /// changed (a run parses no other chapter, as loading the book would).
    private func onDisk(_ file: String) throws(NotebookRefusal) -> Chapter {
        let name = file.hasPrefix("Chapters/") ? String(file.dropFirst("Chapters/".count)) : ""
        guard name.hasSuffix(".md"), !name.hasPrefix("."), !name.contains("/"),
            let data = FileManager.default.contents(
                atPath: workspace.root.appendingPathComponent(file).path)
        else {
            throw NotebookRefusal(status: 409, error: "\(file) is not a chapter of this book")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw NotebookRefusal(
                status: 409, error: "\(file):1: error: the file is not valid UTF-8")
        }
        if let kept = lock.withLock({ parsed[file] }), kept.source == source { return kept }
        let chapter: Chapter
        do {
            chapter = try ChapterParser(file: file, source: source).parse()
        } catch {
            throw NotebookRefusal(status: 409, error: "\(error)")
        }
        lock.withLock { parsed[file] = chapter }
        return chapter
    }

    /// The chapter with the request's edits, parsed again, so every line the run reports is a
    /// line of the edited Markdown.
    private func edited(_ request: NotebookRequest) throws(NotebookRefusal) -> Chapter {
        let chapter = try current(request)
        do {
            return try ChapterParser(file: chapter.file, source: request.edit.apply(to: chapter))
                .parse()
        } catch {
            throw .badRequest("the edit would break the chapter: \(error)")
        }
    }

    /// The book's lock; a rebuild holds it for a moment while it writes the site, so waits a
    /// little for it.
    private static func takeLock(root: URL) throws -> BuildLock {
        let deadline = Date(timeIntervalSinceNow: 10)
        while true {
            do {
                return try BuildLock(root: root)
            } catch {
                if Date() >= deadline { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}
