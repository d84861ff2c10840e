import Foundation

extension ChapterRunner {
    /// Runs a chapter as a notebook does: every block up to and including `blockID` (the cells
    /// above the one it runs), with the code of some blocks replaced by edits that are not
    /// saved, and reports them all.
    ///
    /// Lines are those of the chapter as if the edits were saved: a compile error or trap in
    /// edited code names the Markdown line the edited line would have, so line − the block's
    /// `codeLine` + 1 is the line in the editor. Blocks after `blockID` are neither compiled
    /// nor reported.
    ///
    /// When `blockID` is an ordinary block of plain statements, the blocks above it are
    /// compiled once (and kept under `.build-lessons/notebook-prefixes/`) and the block alone
    /// is compiled as a library they load (see `BlockLibrarySource`); otherwise, or when that
    /// does not compile, the whole program is compiled, so compile errors are always the whole
    /// program's. The fast path reports no compiler warnings.
    public func run(
        _ chapter: Chapter, through blockID: Int, replacing edits: [Int: String] = [:],
        observer: (any RunObserver)? = nil
    ) throws -> ChapterResult {
        let edited = chapter.editing(edits, through: blockID)
        // Stop reaches the fast path's compiles and program as it reaches the whole program's.
        let fast = try RunCancellation.$current.withValue(cancellation) {
            try runEditedBlockAlone(edited, blockID: blockID, observer: observer)
        }
        if let fast { return fast }
        return try run(edited, observer: observer)
    }

    /// The fast path, or nil when it does not apply or does not compile (before the observer
    /// has heard anything).
    private func runEditedBlockAlone(
        _ chapter: Chapter, blockID: Int, observer: (any RunObserver)?
    ) throws -> ChapterResult? {
        let shown = chapter.blocks
        let ordinary = shown.filter { $0.runs && !$0.options.fails && !$0.options.isolated }
        let separate = shown.filter { $0.runs && ($0.options.fails || $0.options.isolated) }
        guard let last = ordinary.last, last.id == blockID,
            separate.allSatisfy({ $0.id < blockID }),
            let source = BlockLibrarySource(
                block: last, earlier: Array(ordinary.dropLast()), libraries: toolchain.libraries)
        else { return nil }
        let program = ProgramSource(
            blocks: Array(ordinary.dropLast()), libraries: toolchain.libraries,
            loadsBlockLibrary: true)
        guard let prefix = try toolchain.prefixProgram(program) else { return nil }

        let folder = try ChildProcesses.shared.makeTemporaryFolder(prefix: "lessons-\(chapter.id)")
        defer { ChildProcesses.shared.removeTemporaryFolder(folder) }
        let compilation = try toolchain.compileBlockLibrary(source, prefix: prefix, in: folder)
        guard let library = compilation.executable else { return nil }

        var session = ChapterSession(
            runner: self, chapter: chapter, folder: folder, observer: observer,
            shown: Set(shown.map(\.id)), deadline: Date().addingTimeInterval(timeLimit))
        observer?.willCompile(chapter, showing: shown, programs: 1 + separate.count)
        session.compileSeconds = prefix.seconds + compilation.seconds
        observer?.didCompile(seconds: session.compileSeconds)
        var execution = try ProgramExecution(
            executable: prefix.executable, blocks: ordinary, reported: ordinary, session: session)
        execution.environment[BlockLibrarySource.environmentKey] = library.path
        let byID = try execution.run()
        session.runSeconds += execution.seconds
        var result = try finish(
            &session, byID: byID, ordinary: ordinary, separate: separate, shown: shown)
        result.compiledAs = .editedBlockAlone(prefixReused: prefix.reused)
        return result
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
