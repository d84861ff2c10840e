/// One message of a notebook run, streamed to the page as it happens (a server-sent event
/// whose data is this, in JSON).
struct NotebookEvent: Encodable, Sendable, Equatable {
    /// `compiling`, `compiled`, `started` (a block began), `output` (it printed), `result`
    /// (a block's result), or `done` (the run ended; `stopped` says whether by Stop).
    var type: String
    var id: Int?
    var text: String?
    var seconds: Double?
    var result: BlockReport?
    var stopped: Bool?
    /// Why the run could not be made, when it ended without results.
    var error: String?

    static func compiling() -> NotebookEvent { NotebookEvent(type: "compiling") }
    static func compiled(seconds: Double) -> NotebookEvent {
        NotebookEvent(type: "compiled", seconds: seconds)
    }
    static func started(_ id: Int) -> NotebookEvent { NotebookEvent(type: "started", id: id) }
    static func output(_ id: Int, _ text: String) -> NotebookEvent {
        NotebookEvent(type: "output", id: id, text: text)
    }
    static func result(_ report: BlockReport) -> NotebookEvent {
        NotebookEvent(type: "result", id: report.id, result: report)
    }
    static func done(seconds: Double, stopped: Bool, error: String? = nil) -> NotebookEvent {
        NotebookEvent(type: "done", seconds: seconds, stopped: stopped, error: error)
    }
}
