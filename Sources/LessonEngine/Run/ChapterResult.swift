/// A chapter's run: every block's result, the formulas left unverified, and the time taken.
public struct ChapterResult: Sendable {
    public var chapter: Chapter
    public var blocks: [BlockResult]
    /// Compiler warnings about chapter code, for the author.
    public var warnings: [Diagnostic] = []
    public var compileSeconds = 0.0
    public var runSeconds = 0.0
    /// True when the results came from the cache, not from running the code now.
    public var fromCache = false
    /// How the code was compiled: as whole programs, or (for a notebook edit of the last block
    /// run) the edited block alone, loaded into the compiled blocks above it.
    public var compiledAs = CompiledAs.wholeProgram
    /// True when the edited block ran in a warm kernel: the blocks above it had run ahead, in
    /// a program waiting for it (see `Kernel`).
    public var ranInKernel = false

    public enum CompiledAs: Sendable, Equatable {
        case wholeProgram
        /// `prefixReused` tells whether the blocks above came compiled from the cache.
        case editedBlockAlone(prefixReused: Bool)
    }

    /// Display formulas no block verifies.
    public var unverifiedFormulas: [Formula] { chapter.formulas.filter { $0.verifiedBy == nil } }

    /// Every problem, one per entry, each naming its file and line.
    public var problems: [String] {
        let formulaProblems = unverifiedFormulas.map {
            "\(chapter.file):\($0.line): formula \($0.label.map { "'\($0)' " } ?? "")"
                + "is not verified by any Swift block"
        }
        return blocks.compactMap(\.problem) + formulaProblems
    }

    public var passed: Bool { problems.isEmpty }

    /// Visible blocks that printed something no `output` block checks: not a failure (some
    /// output, such as timings, cannot be pinned down), but usually a forgotten expectation.
    public var uncheckedBlocks: [BlockResult] {
        blocks.filter {
            $0.block.expected == nil && !$0.block.options.hidden && !$0.block.options.fails
                && !$0.output.isEmpty && $0.passed
        }
    }

    public var matchedCount: Int {
        blocks.filter { $0.block.expected != nil && $0.diff == nil && $0.passed }.count
    }
    public var mismatchedCount: Int { blocks.filter { $0.diff != nil }.count }
    public var ranCount: Int {
        blocks.filter {
            switch $0.outcome {
            case .notRun, .compileError: false
            default: true
            }
        }.count
    }
}
