/// What the page asks the notebook to do, as the JSON body of a run or save request.
struct NotebookRequest: Decodable, Sendable {
    struct Edit: Decodable, Sendable {
        var id: Int
        var code: String
    }

    struct Output: Decodable, Sendable {
        var id: Int
        var text: String
    }

    /// The chapter, as `Chapters/03-core-algorithms.md`.
    var file: String
    /// The SHA-256 of the chapter's Markdown the page was built from.
    var hash: String
    /// Blocks whose code the reader changed.
    var edits: [Edit] = []
    /// Run: the block to run (after every block above it).
    var block: Int?
    /// Save: blocks whose new output becomes their expected output.
    var outputs: [Output]?

    var edit: ChapterEdit {
        ChapterEdit(
            code: Dictionary(edits.map { ($0.id, $0.code) }, uniquingKeysWith: { _, last in last }),
            expectedOutput: Dictionary(
                (outputs ?? []).map { ($0.id, $0.text) }, uniquingKeysWith: { _, last in last }))
    }
}
