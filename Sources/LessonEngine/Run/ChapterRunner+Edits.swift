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
    /// has heard anything). With `kernels`, the blocks above run in the chapter's warm kernel
    /// when one was started from the same program, and a new one is started after the run.
    private func runEditedBlockAlone(
        _ chapter: Chapter, blockID: Int, observer: (any RunObserver)?
    ) throws -> ChapterResult? {
        guard let plan = FastPathPlan(chapter, blockID: blockID, libraries: toolchain.libraries),
            let prefix = try toolchain.prefixProgram(plan.program)
        else { return nil }
        let key = prefix.folder.lastPathComponent
        let kernel = kernels?.take(chapter: chapter.file, key: key)
        defer { kernel?.discard() }

        let folder = try ChildProcesses.shared.makeTemporaryFolder(prefix: "lessons-\(chapter.id)")
        defer { ChildProcesses.shared.removeTemporaryFolder(folder) }
        let compilation = try toolchain.compileBlockLibrary(plan.source, prefix: prefix, in: folder)
        guard let library = compilation.executable else { return nil }

        var session = ChapterSession(
            runner: self, chapter: chapter, folder: folder, observer: observer,
            shown: Set(plan.shown.map(\.id)), deadline: Date().addingTimeInterval(timeLimit))
        observer?.willCompile(chapter, showing: plan.shown, programs: 1 + plan.separate.count)
        session.compileSeconds = prefix.seconds + compilation.seconds
        observer?.didCompile(seconds: session.compileSeconds)
        var execution = try ProgramExecution(
            executable: prefix.executable, blocks: plan.ordinary, reported: plan.ordinary,
            session: session)
        let byID: [Int: BlockResult]
        if let kernel {
            byID = try execution.run(kernel: kernel, library: library)
        } else {
            execution.environment[BlockLibrarySource.environmentKey] = library.path
            byID = try execution.run()
        }
        session.runSeconds += execution.seconds
        var result = try finish(
            &session, byID: byID, ordinary: plan.ordinary, separate: plan.separate,
            shown: plan.shown)
        result.compiledAs = .editedBlockAlone(prefixReused: prefix.reused)
        result.ranInKernel = kernel != nil
        // The reader is likely to run this block again: its kernel starts now, ahead.
        if cancellation?.isCancelled != true { startKernel(chapter.file, prefix: prefix) }
        return result
    }

    /// Gets a warm kernel ready for running `blockID` of `chapter` (as saved): compiles the
    /// blocks above it (when not compiled already) and starts them in a kernel, unless one
    /// started from them waits already. Does nothing without `kernels`, or when the block
    /// would not take the fast path. Blocks while it compiles.
    public func prepareKernel(_ chapter: Chapter, through blockID: Int) throws {
        guard kernels != nil,
            let plan = FastPathPlan(
                chapter.editing([:], through: blockID), blockID: blockID,
                libraries: toolchain.libraries),
            let prefix = try toolchain.prefixProgram(plan.program)
        else { return }
        startKernel(chapter.file, prefix: prefix)
    }

    /// The block `prepareKernel` gets ready when a chapter's page opens: its last block that
    /// runs in the chapter's program.
    public static func lastOrdinaryBlock(of chapter: Chapter) -> Int? {
        chapter.blocks.last { $0.runs && !$0.options.fails && !$0.options.isolated }?.id
    }

    private func startKernel(_ file: String, prefix: CompiledPrefix) {
        kernels?.prepare(chapter: file, key: prefix.folder.lastPathComponent) {
            try Kernel(
                key: prefix.folder.lastPathComponent, executable: prefix.executable,
                timeLimit: timeLimit, outputLimit: outputLimit)
        }
    }
}

/// What the fast path runs for an edited block: the ordinary blocks, the program of those above
/// it and the library of the block itself; nil when the block does not take the fast path.
private struct FastPathPlan {
    var shown: [CodeBlock]
    var ordinary: [CodeBlock]
    var separate: [CodeBlock]
    var source: BlockLibrarySource
    var program: ProgramSource

    /// `chapter` must end at `blockID` (see `Chapter.editing`).
    init?(_ chapter: Chapter, blockID: Int, libraries: [String]) {
        shown = chapter.blocks
        ordinary = shown.filter { $0.runs && !$0.options.fails && !$0.options.isolated }
        separate = shown.filter { $0.runs && ($0.options.fails || $0.options.isolated) }
        guard let last = ordinary.last, last.id == blockID,
            separate.allSatisfy({ $0.id < blockID }),
            let source = BlockLibrarySource(
                block: last, earlier: Array(ordinary.dropLast()), libraries: libraries)
        else { return nil }
        self.source = source
        program = ProgramSource(
            blocks: Array(ordinary.dropLast()), libraries: libraries, loadsBlockLibrary: true)
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
