import Foundation
import Testing

@testable import LessonEngine

/// The notebook's warm kernels: the blocks above an edited block run ahead, in a program that
/// waits for the edited block's library.
@Suite struct KernelTests {
    let chapter: Chapter
    let toolchain: Toolchain

    init() throws {
        chapter = try TestPackage.fixture("kernel.md")
        toolchain = try TestPackage.toolchain()
    }

    /// A runner with a pool of its own, and a kernel ready for the last block (the blocks
    /// above `edits` as given, with a fresh comment so no other test shares its prefix).
    private func warmRunner(timeLimit: Double = 120) throws -> (ChapterRunner, Kernel, Chapter) {
        var runner = ChapterRunner(toolchain: toolchain, timeLimit: timeLimit)
        runner.kernels = KernelPool()
        let fresh = chapter.editing(
            [0: chapter.blocks[0].code + "// \(UUID().uuidString)\n"], through: 2)
        try runner.prepareKernel(fresh, through: 2)
        let kernel = try #require(runner.kernels?.kernel(of: chapter.file))
        #expect(kernel.waitUntilReady(seconds: 60))
        return (runner, kernel, fresh)
    }

    @Test func aRunInAWarmKernelReportsWhatTheWholeProgramReports() throws {
        let (runner, _, fresh) = try warmRunner()
        defer { runner.kernels?.shutdown() }
        let edit =
            "total += 100\nprint(\"total is\", total)\nshow(HeatMap(title: \"E\", "
            + "values: [[1, 0], [0, 1]]))\n"
        let warm = try runner.run(fresh, through: 2, replacing: [2: edit])
        var plain = runner
        plain.kernels = nil
        let whole = try plain.run(fresh.editing([2: edit], through: 2))
        #expect(warm.ranInKernel)
        #expect(!whole.ranInKernel && whole.compiledAs == .wholeProgram)
        #expect(warm.blocks.map(\.output) == whole.blocks.map(\.output))
        #expect(warm.blocks.map(\.outcome) == whole.blocks.map(\.outcome))
        #expect(warm.blocks.map(\.diff) == whole.blocks.map(\.diff))
        #expect(
            warm.blocks.map { $0.figures.map(\.svg) } == whole.blocks.map { $0.figures.map(\.svg) })
        #expect(
            warm.blocks.map { $0.figures.map(\.altText) }
                == whole.blocks.map { $0.figures.map(\.altText) })
        #expect(warm.blocks.map(\.figureProblems) == whole.blocks.map(\.figureProblems))
        #expect(
            warm.blocks.map(\.output) == [
                "total is 1\n", "this block's expected output is wrong: 2\n", "total is 102\n",
            ])
        #expect(warm.blocks[1].diff != nil && warm.blocks[2].diff != nil)
        #expect(warm.blocks.map(\.figures.count) == [1, 0, 1])
        // And the next kernel starts ahead, for the next edit of the block.
        let next = try #require(runner.kernels?.kernel(of: chapter.file))
        #expect(next.waitUntilReady(seconds: 60))
        let again = try runner.run(fresh, through: 2, replacing: [2: "print(total)\n"])
        #expect(again.ranInKernel)
        #expect(again.blocks.last?.output == "2\n")
    }

    @Test func anEditAboveTheBlockKillsTheKernelAndRunsFromTheStart() throws {
        let (runner, kernel, fresh) = try warmRunner()
        defer { runner.kernels?.shutdown() }
        let pid = try #require(kernel.processID)
        let result = try runner.run(
            fresh, through: 2, replacing: [0: "var total = 5\n", 2: "print(total)\n"])
        #expect(!result.ranInKernel)
        #expect(result.compiledAs != .wholeProgram)
        #expect(result.blocks.last?.output == "6\n")
        #expect(!ProcessTree.isRunning(pid))
    }

    @Test func stopEndsAKernelRunAndLeavesNoProcessBehind() async throws {
        let (warm, kernel, fresh) = try warmRunner()
        var runner = warm
        defer { runner.kernels?.shutdown() }
        let pid = try #require(kernel.processID)
        let cancellation = RunCancellation()
        runner.cancellation = cancellation
        let edit = "print(\"looping\")\nvar spins = 0\nwhile spins >= 0 { spins &+= 1 }\n"
        let stoppable = runner
        // Stop once the edited block is looping, as the reader would.
        let observer = StopWhenPrinted(text: "looping", cancellation: cancellation)
        // The run's end is read on its own thread: the awaiting task may resume much later
        // when the suite's other tests hold the cooperative threads.
        let (result, endedAt) = try await offThread {
            (try stoppable.run(fresh, through: 2, replacing: [2: edit], observer: observer), Date())
        }
        #expect(result.ranInKernel)
        // Stop ends it at once (the compile before it may take long on a busy machine).
        let stoppedAt = try #require(observer.stoppedAt)
        #expect(endedAt.timeIntervalSince(stoppedAt) < 10)
        #expect(result.blocks.last?.output.hasPrefix("looping\n") == true)
        #expect(!ProcessTree.isRunning(pid))
        #expect(!ProcessTree.descendants(of: getpid()).contains(pid))
        // A stopped run starts no kernel for the next.
        #expect(runner.kernels?.kernel(of: chapter.file) == nil)
    }

    @Test func theTimeLimitEndsAKernelRun() throws {
        let (runner, kernel, fresh) = try warmRunner(timeLimit: 4)
        defer { runner.kernels?.shutdown() }
        let pid = try #require(kernel.processID)
        let edit = "var spins = 0\nwhile spins >= 0 { spins &+= 1 }\n"
        let result = try runner.run(fresh, through: 2, replacing: [2: edit])
        #expect(result.ranInKernel)
        #expect(result.blocks.last?.outcome == .timedOut(seconds: 4))
        #expect(!ProcessTree.isRunning(pid))
    }

    @Test func theServerStoppingKillsItsKernels() async throws {
        let book = try await NotebookBook.make()
        let chapter = try #require(try book.notebook.workspace.loadBook().chapters.first)
        book.notebook.warm(chapter)
        var kernel: Kernel?
        let deadline = Date(timeIntervalSinceNow: 120)
        while kernel?.isReady != true, Date() < deadline {
            kernel = book.notebook.kernels?.kernel(of: chapter.file)
            try await Task.sleep(for: .milliseconds(50))
        }
        let pid = try #require(kernel?.processID)
        #expect(ProcessTree.isRunning(pid))
        book.server.stop()
        #expect(!ProcessTree.isRunning(pid))
        #expect(book.notebook.kernels?.kernel(of: chapter.file) == nil)
    }
}

/// Stops the run when a block prints `text`, and remembers when.
private final class StopWhenPrinted: RunObserver, @unchecked Sendable {
    let text: String
    let cancellation: RunCancellation
    private let lock = NSLock()
    private var at: Date?

    init(text: String, cancellation: RunCancellation) {
        self.text = text
        self.cancellation = cancellation
    }

    var stoppedAt: Date? { lock.withLock { at } }

    func blockPrinted(_ block: CodeBlock, _ printed: String) {
        guard printed.contains(text) else { return }
        lock.withLock { at = at ?? Date() }
        cancellation.cancel()
    }
}
