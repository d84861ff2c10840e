/// Why the notebook refused a request, with the HTTP status to answer and, for a conflict,
/// the chapter as it is on disk now (the page shows it beside the reader's edits).
struct NotebookRefusal: Error, Sendable, Equatable, Encodable {
    var status: Int
    var error: String
    var current: NotebookPage?

    static func badRequest(_ message: String) -> NotebookRefusal {
        NotebookRefusal(status: 400, error: message)
    }
}
