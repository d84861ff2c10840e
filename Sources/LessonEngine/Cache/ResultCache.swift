import Foundation

/// Chapter runs kept under `.build-lessons/cache/`, one file per key.
///
/// A run is kept only when every block behaved as written (ordinary blocks completed, `fails`
/// blocks failed, nothing was cut off): a chapter with a failing block runs again every time
/// until it is fixed. Entries are written to a temporary file and renamed into place, and each
/// holds its own key, so an interrupted write is never read back as a valid entry.
public struct ResultCache: Sendable {
    var folder: URL

    public init(root: URL) {
        folder = root.appendingPathComponent(".build-lessons/cache")
    }

    /// The cached run for this key, as a result for the chapter as it stands now (its
    /// expected outputs compared afresh), or nil.
    func load(key: String, chapter: Chapter) -> ChapterResult? {
        let url = folder.appendingPathComponent(key + ".json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
        else { return nil }
        let runnable = chapter.blocks.filter(\.runs)
        guard entry.blocks.count == runnable.count else { return nil }
        var byID: [Int: BlockResult] = [:]
        for (block, cached) in zip(runnable, entry.blocks) {
            byID[block.id] = ChapterRunner.result(
                block, output: cached.output,
                outcome: cached.outcome.movingLines(by: block.codeLine),
                seconds: cached.seconds, figures: cached.figures)
        }
        let blocks = chapter.blocks.map { block in
            byID[block.id]
                ?? ChapterRunner.result(
                    block, output: "", outcome: .notRun("marked 'norun'"), truncated: false)
        }
        return ChapterResult(
            chapter: chapter, blocks: blocks, compileSeconds: entry.compileSeconds,
            runSeconds: entry.runSeconds, fromCache: true)
    }

    /// Keeps a run if every block behaved as written; returns whether it was kept.
    @discardableResult
    func store(_ result: ChapterResult, key: String) -> Bool {
        let runnable = result.blocks.filter(\.block.runs)
        guard runnable.allSatisfy(\.behavedAsWritten) else { return false }
        let entry = Entry(
            key: key, compileSeconds: result.compileSeconds, runSeconds: result.runSeconds,
            blocks: runnable.map {
                .init(
                    output: $0.output, outcome: $0.outcome.movingLines(by: -$0.block.codeLine),
                    seconds: $0.seconds, figures: $0.figures)
            })
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(entry).write(
                to: folder.appendingPathComponent(key + ".json"), options: .atomic)
            return true
        } catch {
            return false
        }
    }

    struct Entry: Codable {
        var key: String
        var compileSeconds: Double
        var runSeconds: Double
        var blocks: [Block]

        struct Block: Codable {
            var output: String
            /// Lines counted from the block's first line of code.
            var outcome: BlockOutcome
            var seconds: Double
            var figures: [BlockFigure]
        }
    }
}
