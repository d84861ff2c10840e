import Foundation

/// Runs one compiled chapter program: splits its output at the block markers, times each
/// block, tells the observer as blocks start, print and finish, and works out how each ended.
struct ProgramExecution {
    let executable: URL
    let byID: [Int: CodeBlock]
    let reported: [CodeBlock]
    let session: ChapterSession
    /// The reported blocks the observer hears about.
    let shown: Set<Int>
    /// Variables added to the program's environment.
    var environment: [String: String] = [:]
    private var printed: [Int: [UInt8]] = [:]
    private var sentToObserver: [Int: Int] = [:]
    private var started: [(id: Int, at: Double)] = []
    private var endedAt: Double?
    private var announced: Set<Int> = []
    private(set) var seconds = 0.0
    /// Where the program's `show(_:)` calls leave their figures.
    private var figureFolder = FigureFolder(url: URL(fileURLWithPath: "/dev/null"))

    init(executable: URL, blocks: [CodeBlock], reported: [CodeBlock], session: ChapterSession)
        throws
    {
        self.executable = executable
        self.byID = Dictionary(uniqueKeysWithValues: blocks.map { ($0.id, $0) })
        self.reported = reported
        self.session = session
        self.shown = Set(reported.map(\.id)).intersection(session.shown)
    }

    /// Runs the program in a fresh working folder and returns each reported block's result;
    /// or, given a warm `kernel` (which has run, or is running, the blocks before the last),
    /// hands it the edited block's `library` and reads the kernel's output instead, the same
    /// way, so the results are those the program would have given.
    mutating func run(kernel: Kernel? = nil, library: URL? = nil) throws -> [Int: BlockResult] {
        let runner = session.runner
        let launch = try kernel?.launch ?? ProgramLaunch(in: session.folder)
        figureFolder = FigureFolder(
            url: launch.figureFolder,
            archive: runner.figureArchive.map {
                ($0.appendingPathComponent(session.chapter.id), runner.toolchain.root)
            })
        let timeLimit = max(0.1, session.deadline.timeIntervalSinceNow)
        let start = kernel?.startedAt ?? Self.now()
        var splitter = MarkerSplitter(token: launch.token)
        let result: Subprocess.Result
        if let kernel, let library {
            result = try kernel.run(library: library, timeLimit: timeLimit) { chunk, at in
                handle(splitter.feed(chunk), at: at)
            }
        } else {
            let process = Subprocess(
                executable: executable.path, arguments: [],
                environment: launch.environment(adding: environment),
                workingDirectory: launch.workFolder.path, timeLimit: timeLimit,
                outputLimit: runner.outputLimit)
            result = try process.run { chunk in handle(splitter.feed(chunk), at: Self.now()) }
        }
        handle(splitter.finish(), at: Self.now())
        let crashFolder = launch.crashFolder
        seconds = result.seconds
        let end = endedAt ?? start + result.seconds

        let failing = endedAt == nil ? started.last?.id : nil
        var results: [Int: BlockResult] = [:]
        for block in reported {
            var output = text(of: block.id)
            let outcome: BlockOutcome
            if block.id == failing {
                switch result.termination {
                case .timedOut:
                    outcome = .timedOut(seconds: session.runner.timeLimit)
                case .exited(let status):
                    outcome = .exitedEarly(status: status)
                case .signaled(let signal) where !BlockOutcome.trapSignals.contains(signal):
                    outcome = .killed(signal: signal)
                case .signaled(let signal):
                    let report = TrapReport(
                        output: output, crashLog: Self.crashLog(in: crashFolder),
                        file: session.chapter.file, signal: signal)
                    output = report.output
                    outcome = .trapped(message: report.message, line: report.line)
                }
            } else if started.contains(where: { $0.id == block.id }) {
                outcome = block.options.fails ? .unexpectedSuccess : .completed
            } else {
                let culprit = failing.flatMap { byID[$0] }.map { " (\($0.location) failed)" } ?? ""
                outcome = .notRun("an earlier block stopped the program\(culprit)")
            }
            // Output stops at the cap, so the cut fell in the last block that printed.
            let truncated = result.truncated && block.id == started.last?.id
            let result = ChapterRunner.result(
                block, output: output, outcome: outcome, truncated: truncated,
                seconds: duration(of: block.id, end: end),
                figures: figureFolder.figures(ofBlock: block.id))
            results[block.id] = result
            if shown.contains(block.id), !announced.contains(block.id) {
                showLive(block, completeLinesOnly: false)
                session.observer?.blockFinished(result)
            }
        }
        return results
    }

    /// Handles what the program printed, read at the time `now`.
    private mutating func handle(_ events: [MarkerSplitter.Event], at now: Double) {
        for event in events {
            switch event {
            case .started(let name):
                if let previous = started.last { announceCompleted(previous.id, at: now) }
                if name == Marker.end { endedAt = now }
                guard let id = Int(name), let block = byID[id] else { continue }
                started.append((id, now))
                if shown.contains(id) { session.observer?.blockStarted(block) }
            case .output(let name, let bytes):
                guard let id = name.flatMap(Int.init), let block = byID[id] else { continue }
                printed[id, default: []] += bytes
                if shown.contains(id) { showLive(block, completeLinesOnly: true) }
            }
        }
    }

    /// A block that another followed ran to its end: tell the observer now, not at the end.
    private mutating func announceCompleted(_ id: Int, at now: Double) {
        guard let observer = session.observer, let block = byID[id], shown.contains(id),
            !announced.contains(id)
        else { return }
        announced.insert(id)
        showLive(block, completeLinesOnly: false)
        let outcome: BlockOutcome = block.options.fails ? .unexpectedSuccess : .completed
        observer.blockFinished(
            ChapterRunner.result(
                block, output: text(of: id), outcome: outcome, seconds: duration(of: id, end: now),
                figures: figureFolder.figures(ofBlock: id)))
    }

    /// Passes printed text on in whole lines, so a character split across two reads is never
    /// shown as two broken halves; `completeLinesOnly: false` flushes the rest.
    private mutating func showLive(_ block: CodeBlock, completeLinesOnly: Bool) {
        guard let observer = session.observer, let bytes = printed[block.id] else { return }
        let sent = sentToObserver[block.id, default: 0]
        var end = bytes.count
        if completeLinesOnly {
            guard let newline = bytes[sent...].lastIndex(of: UInt8(ascii: "\n")) else { return }
            end = newline + 1
        }
        guard end > sent else { return }
        sentToObserver[block.id] = end
        observer.blockPrinted(
            block, ControlPictures.visible(String(decoding: bytes[sent..<end], as: UTF8.self)))
    }

    /// What a block printed, with its control characters shown as pictures.
    private func text(of id: Int) -> String {
        ControlPictures.visible(String(decoding: printed[id] ?? [], as: UTF8.self))
    }

    /// Seconds from a block's marker to the next marker, or to `end`.
    private func duration(of id: Int, end: Double) -> Double {
        guard let index = started.firstIndex(where: { $0.id == id }) else { return 0 }
        let next = index + 1 < started.count ? started[index + 1].at : end
        return max(0, next - started[index].at)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private static func crashLog(in folder: URL) -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.sorted().first.flatMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
