import Foundation

/// One chapter run in progress: its folder, deadline, observer, and the time spent so far.
struct ChapterSession {
    let runner: ChapterRunner
    let chapter: Chapter
    let folder: URL
    let observer: (any RunObserver)?
    /// The blocks the observer hears about.
    let shown: Set<Int>
    let deadline: Date
    var warnings: [Diagnostic] = []
    var compileSeconds = 0.0
    var runSeconds = 0.0

    /// Compiles and runs blocks as one program; returns the results of the block `only`, or
    /// of all of them.
    mutating func runProgram(_ blocks: [CodeBlock], name: String, only: Int? = nil) throws
        -> [Int: BlockResult]
    {
        guard !blocks.isEmpty else { return [:] }
        let reported = blocks.filter { only == nil || $0.id == only }
        let compilation = try runner.toolchain.compile(
            ProgramSource(blocks: blocks, libraries: runner.toolchain.libraries), in: folder,
            name: name)
        compileSeconds += compilation.seconds
        observer?.didCompile(seconds: compilation.seconds)
        let ours = compilation.diagnostics.filter { $0.file == chapter.file }
        warnings += ours.filter { $0.severity == "warning" && !warnings.contains($0) }
        guard let executable = compilation.executable else {
            let results = compileFailure(reported, diagnostics: ours, log: compilation.log)
            for block in reported where shown.contains(block.id) {
                if let result = results[block.id] { observer?.blockFinished(result) }
            }
            return results
        }
        var execution = try ProgramExecution(
            executable: executable, blocks: blocks, reported: reported, session: self)
        let results = try execution.run()
        runSeconds += execution.seconds
        return results
    }

    /// Blames each compile error on the block holding its line; the other blocks did not run.
    private func compileFailure(_ blocks: [CodeBlock], diagnostics: [Diagnostic], log: String)
        -> [Int: BlockResult]
    {
        var results: [Int: BlockResult] = [:]
        let errors = diagnostics.filter { $0.severity == "error" }
        for block in blocks {
            let own = errors.filter { block.contains(line: $0.line) }
            let output: String
            let outcome: BlockOutcome
            if !own.isEmpty {
                output = own.map { "error: \($0.message)" }.joined(separator: "\n") + "\n"
                outcome = .compileError(own)
            } else if errors.isEmpty {
                output = ""
                outcome = .compileError([
                    Diagnostic(
                        file: chapter.file, line: block.startLine, column: 1, severity: "error",
                        message: "the chapter program did not compile:\n\(log)")
                ])
            } else {
                let at = errors.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
                output = ""
                outcome = .notRun("the program did not compile (errors at \(at))")
            }
            results[block.id] = ChapterRunner.result(block, output: output, outcome: outcome)
        }
        return results
    }
}
