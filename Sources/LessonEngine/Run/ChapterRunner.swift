import Foundation

/// Compiles a chapter's Swift blocks into programs, runs them, and checks what they print.
///
/// The chapter's ordinary blocks form one program, so they share state like notebook cells.
/// A `fails` or `isolated` block runs in a program of its own: after every earlier ordinary
/// block, or after the `hidden` ones only when it is `isolated`.
public struct ChapterRunner: Sendable {
    public var toolchain: Toolchain
    /// Seconds a chapter may run, all its programs together.
    public var timeLimit: Double = 600
    /// Bytes of output kept from one program.
    public var outputLimit = 16 << 20
    /// Where copies of the figures blocks show are kept (in a folder per chapter), for
    /// `lessons run` to point at; nil keeps none.
    public var figureArchive: URL?

    public init(toolchain: Toolchain, timeLimit: Double = 600) {
        self.toolchain = toolchain
        self.timeLimit = timeLimit
    }

    /// Runs the chapter, or one section of it (after the blocks that come before it).
    public func run(
        _ chapter: Chapter, section: Section? = nil, observer: (any RunObserver)? = nil
    ) throws -> ChapterResult {
        let shown = section.map { chapter.blocks(in: $0) } ?? chapter.blocks
        let lastID = shown.last?.id ?? -1
        let upTo = chapter.blocks.filter { $0.id <= lastID }
        let ordinary = upTo.filter { $0.runs && !$0.options.fails && !$0.options.isolated }
        let separate = shown.filter { $0.runs && ($0.options.fails || $0.options.isolated) }

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-\(chapter.id)-\(Marker.makeToken())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var session = Session(
            runner: self, chapter: chapter, folder: folder, observer: observer,
            shown: Set(shown.map(\.id)),
            deadline: Date().addingTimeInterval(timeLimit))
        observer?.willCompile(chapter, showing: shown, programs: 1 + separate.count)
        var outcomes = try session.runProgram(ordinary, name: "main")
        for block in separate {
            let before = ordinary.filter {
                $0.id < block.id && (!block.options.isolated || $0.options.hidden)
            }
            let results = try session.runProgram(
                before + [block], name: "block\(block.id)", only: block.id)
            outcomes[block.id] = results[block.id]
        }

        let results = shown.map { block in
            let (output, outcome, truncated, figures) =
                outcomes[block.id] ?? ("", .notRun("marked 'norun'"), false, [])
            return Self.result(
                block, output: output, outcome: outcome, truncated: truncated, figures: figures)
        }
        return ChapterResult(
            chapter: chapter, blocks: results, warnings: session.warnings,
            compileSeconds: session.compileSeconds, runSeconds: session.runSeconds)
    }

    /// A block's result: its outcome, and its output compared with the expected output.
    static func result(
        _ block: CodeBlock, output: String, outcome: BlockOutcome, truncated: Bool,
        figures: [BlockFigure] = []
    ) -> BlockResult {
        var result = BlockResult(
            block: block, output: output, outcome: outcome, truncated: truncated,
            figures: figures)
        if let expected = block.expected, outcome == .completed || outcome.isFailure,
            !OutputComparison.matches(
                actual: output, expected: expected.text, tolerance: expected.tolerance)
        {
            result.diff = UnifiedDiff.make(
                expected: OutputComparison.normalize(expected.text),
                actual: OutputComparison.normalize(output),
                header: "\(block.file):\(expected.startLine)")
        }
        return result
    }
}

/// The state of one chapter run: its folder, its deadline and its timings.
private struct Session {
    typealias Outcomes = [Int: (
        output: String, outcome: BlockOutcome, truncated: Bool, figures: [BlockFigure]
    )]

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

    /// Compiles and runs blocks as one program; reports the blocks in `only`, or all.
    mutating func runProgram(_ blocks: [CodeBlock], name: String, only: Int? = nil) throws
        -> Outcomes
    {
        guard !blocks.isEmpty else { return [:] }
        let reported = blocks.filter { only == nil || $0.id == only }
        let compilation = try runner.toolchain.compile(
            ProgramSource(blocks: blocks), in: folder, name: name)
        compileSeconds += compilation.seconds
        observer?.didCompile(seconds: compilation.seconds)
        let ours = compilation.diagnostics.filter { $0.file == chapter.file }
        warnings += ours.filter { $0.severity == "warning" && !warnings.contains($0) }
        guard let executable = compilation.executable else {
            let outcomes = compileFailure(reported, diagnostics: ours, log: compilation.log)
            for block in reported where shown.contains(block.id) {
                guard let (output, outcome, _, _) = outcomes[block.id] else { continue }
                observer?.blockFinished(
                    ChapterRunner.result(block, output: output, outcome: outcome, truncated: false))
            }
            return outcomes
        }
        return try execute(executable, blocks: blocks, reported: reported)
    }

    private func compileFailure(_ blocks: [CodeBlock], diagnostics: [Diagnostic], log: String)
        -> Outcomes
    {
        var outcomes: Outcomes = [:]
        let errors = diagnostics.filter { $0.severity == "error" }
        for block in blocks {
            let own = errors.filter { block.contains(line: $0.line) }
            if !own.isEmpty {
                let text = own.map { "error: \($0.message)" }.joined(separator: "\n") + "\n"
                outcomes[block.id] = (text, .compileError(own), false, [])
            } else if errors.isEmpty {
                let failure = Diagnostic(
                    file: chapter.file, line: block.startLine, column: 1, severity: "error",
                    message: "the chapter program did not compile:\n\(log)")
                outcomes[block.id] = ("", .compileError([failure]), false, [])
            } else {
                let at = errors.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
                outcomes[block.id] = (
                    "", .notRun("the program did not compile (errors at \(at))"), false, []
                )
            }
        }
        return outcomes
    }

    private mutating func execute(_ executable: URL, blocks: [CodeBlock], reported: [CodeBlock])
        throws -> Outcomes
    {
        let token = Marker.makeToken()
        let crashFolder = folder.appendingPathComponent("crash-\(token)")
        let workFolder = folder.appendingPathComponent("work-\(token)")
        let figureFolder = FigureFolder(
            url: folder.appendingPathComponent("figures-\(token)"),
            archive: runner.figureArchive.map {
                ($0.appendingPathComponent(chapter.id), runner.toolchain.root)
            })
        for path in [crashFolder, workFolder, figureFolder.url] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        }
        var environment = ProcessInfo.processInfo.environment
        environment[Marker.environmentKey] = token
        environment[FigureFolder.folderKey] = figureFolder.url.path
        environment["SWIFT_BACKTRACE"] =
            "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
            + "sanitize=yes,output-to=\(crashFolder.path)"
        let process = Subprocess(
            executable: executable.path, arguments: [], environment: environment,
            workingDirectory: workFolder.path, timeLimit: max(0.1, deadline.timeIntervalSinceNow),
            outputLimit: runner.outputLimit)

        let byID = Dictionary(uniqueKeysWithValues: blocks.map { ($0.id, $0) })
        let isShown = Set(reported.map(\.id)).intersection(shown)
        var splitter = MarkerSplitter(token: token)
        var printed: [Int: [UInt8]] = [:]
        var started: [Int] = []
        var finished = false
        var announced: Set<Int> = []
        let observer = self.observer
        func announce(_ id: Int, _ outcome: BlockOutcome) {
            guard let observer, let block = byID[id], isShown.contains(id),
                !announced.contains(id)
            else { return }
            announced.insert(id)
            let output = String(decoding: printed[id] ?? [], as: UTF8.self)
            observer.blockFinished(
                ChapterRunner.result(
                    block, output: output, outcome: outcome, truncated: false,
                    figures: figureFolder.figures(ofBlock: id)))
        }
        func handle(_ events: [MarkerSplitter.Event]) {
            for event in events {
                switch event {
                case .started(let name):
                    if let previous = started.last {
                        announce(
                            previous,
                            byID[previous]?.options.fails == true ? .unexpectedSuccess : .completed)
                    }
                    if name == Marker.end { finished = true }
                    guard let id = Int(name), let block = byID[id] else { continue }
                    started.append(id)
                    if isShown.contains(id) { observer?.blockStarted(block) }
                case .output(let name, let bytes):
                    guard let id = name.flatMap(Int.init), let block = byID[id] else { continue }
                    printed[id, default: []] += bytes
                    if isShown.contains(id) {
                        observer?.blockPrinted(block, String(decoding: bytes, as: UTF8.self))
                    }
                }
            }
        }
        let result = try process.run { chunk in handle(splitter.feed(chunk)) }
        handle(splitter.finish())
        runSeconds += result.seconds

        var outcomes: Outcomes = [:]
        let failing = finished ? nil : started.last
        for block in reported {
            var output = String(decoding: printed[block.id] ?? [], as: UTF8.self)
            let outcome: BlockOutcome
            if block.id == failing {
                switch result.termination {
                case .timedOut:
                    outcome = .timedOut(seconds: runner.timeLimit)
                case .exited(let status):
                    outcome = .exitedEarly(status: status)
                case .signaled(let signal):
                    let report = TrapReport(
                        output: output, crashLog: crashLog(in: crashFolder), file: chapter.file,
                        signal: signal)
                    output = report.output
                    outcome = .trapped(message: report.message, line: report.line)
                }
            } else if started.contains(block.id) {
                outcome = block.options.fails ? .unexpectedSuccess : .completed
            } else {
                let culprit = failing.flatMap { byID[$0] }.map { " (\($0.location) failed)" } ?? ""
                outcome = .notRun("an earlier block stopped the program\(culprit)")
            }
            let figures = figureFolder.figures(ofBlock: block.id)
            outcomes[block.id] = (output, outcome, result.truncated, figures)
            if let observer, isShown.contains(block.id), !announced.contains(block.id) {
                observer.blockFinished(
                    ChapterRunner.result(
                        block, output: output, outcome: outcome, truncated: result.truncated,
                        figures: figures))
            }
        }
        return outcomes
    }

    private func crashLog(in folder: URL) -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.sorted().first.flatMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
