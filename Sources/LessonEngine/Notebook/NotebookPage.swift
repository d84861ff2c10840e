/// A chapter as the notebook page edits it, sent with the page: its file, the hash of the
/// Markdown the page was built from (a save from an older page is refused), and its blocks.
struct NotebookPage: Encodable, Sendable, Equatable {
    struct Block: Encodable, Sendable, Equatable {
        var id: Int
        var code: String
        var runs: Bool
        var hidden: Bool
        var fails: Bool
        var expected: String?
    }

    var file: String
    var hash: String
    var blocks: [Block]

    init(_ chapter: Chapter) {
        file = chapter.file
        hash = SHA256.hash(chapter.source)
        blocks = chapter.blocks.map {
            Block(
                id: $0.id, code: $0.code, runs: $0.runs, hidden: $0.options.hidden,
                fails: $0.options.fails, expected: $0.expected?.text)
        }
    }
}
