import Foundation

extension ChapterRunner {
    /// Runs a chapter as a notebook does: every block up to and including `blockID`, with the
    /// code of some blocks replaced by edits that are not saved.
    ///
    /// Lines are those of the chapter as if the edits were saved: a compile error or trap in
    /// edited code names the Markdown line the edited line would have, so line − the block's
    /// `codeLine` + 1 is the line in the editor. Blocks after `blockID` are neither compiled
    /// nor reported.
    public func run(
        _ chapter: Chapter, through blockID: Int, replacing edits: [Int: String] = [:],
        observer: (any RunObserver)? = nil
    ) throws -> ChapterResult {
        try run(chapter.editing(edits, through: blockID), observer: observer)
    }
}

extension Chapter {
    /// The chapter with the code of some blocks replaced and the blocks after `blockID` left
    /// out; the blocks after an edit that changed the line count move with it.
    func editing(_ edits: [Int: String], through blockID: Int) -> Chapter {
        var edited = self
        var shift = 0
        edited.blocks = blocks.filter { $0.id <= blockID }.map { original in
            var block = original
            block.startLine += shift
            block.endLine += shift
            if let code = edits[block.id] {
                let text = code.hasSuffix("\n") || code.isEmpty ? code : code + "\n"
                let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                block.code = text
                block.endLine = block.startLine + lines + 1
                shift += block.endLine - (original.endLine + shift)
            }
            return block
        }
        return edited
    }
}
