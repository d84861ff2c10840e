import Foundation

/// One notebook run: the edited chapter, run through one block by the engine's `ChapterRunner`
/// (with its time limit, output cap, fresh working folder and process-group kill), telling the
/// page what happens as it happens.
final class NotebookRun: @unchecked Sendable {
    let notebook: Notebook
    /// The chapter with the reader's edits.
    let chapter: Chapter
    let block: Int
    let cancellation: RunCancellation

    init(notebook: Notebook, chapter: Chapter, block: Int, cancellation: RunCancellation) {
        self.notebook = notebook
        self.chapter = chapter
        self.block = block
        self.cancellation = cancellation
    }

    /// Stops the run at once (the reader pressed Stop, or closed the page).
    func stop() { cancellation.cancel() }

    /// Runs the chapter through the block, sending every event; ends with `done`. Blocks the
    /// calling thread until the run ends.
    func execute(send: @escaping @Sendable (NotebookEvent) -> Void) {
        defer { notebook.finished(self) }
        let start = Date()
        var runner = notebook.runner
        runner.cancellation = cancellation
        let observer = Observer(send: send, cancellation: cancellation)
        send(.compiling())
        var failure: String?
        var results: [BlockResult] = []
        do {
            results = try runner.run(chapter, through: block, observer: observer).blocks
        } catch {
            failure = "\(error)"
        }
        let stopped = cancellation.isCancelled
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.block.id, $0) })
        for block in chapter.blocks where block.id <= self.block {
            if let result = byID[block.id], !stopped || result.outcome == .completed {
                send(.result(BlockReport(result)))
            } else if stopped {
                // What it printed before Stop, without the crash report of the kill.
                send(.result(.stopped(block, output: observer.printed.text(of: block.id))))
            }
        }
        send(
            .done(
                seconds: Date().timeIntervalSince(start), stopped: stopped,
                error: stopped ? nil : failure))
    }

    /// Passes the engine's progress on as events.
    private struct Observer: RunObserver {
        let send: @Sendable (NotebookEvent) -> Void
        let cancellation: RunCancellation
        let printed = Printed()

        func didCompile(seconds: Double) { send(.compiled(seconds: seconds)) }
        func blockStarted(_ block: CodeBlock) { send(.started(block.id)) }
        func blockPrinted(_ block: CodeBlock, _ text: String) {
            printed.add(text, to: block.id)
            send(.output(block.id, text))
        }
        func blockFinished(_ result: BlockResult) {
            // A block Stop killed is reported as stopped at the end, not as a crash.
            if !cancellation.isCancelled { send(.result(BlockReport(result))) }
        }
    }

    /// What each block printed, as it was streamed.
    private final class Printed: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [Int: String] = [:]

        func add(_ text: String, to id: Int) { lock.withLock { texts[id, default: ""] += text } }
        func text(of id: Int) -> String { lock.withLock { texts[id] ?? "" } }
    }
}
