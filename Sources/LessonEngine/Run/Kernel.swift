import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A warm kernel for the notebook: the compiled program of the blocks above an edited block
/// (see `ProgramSource.loadsBlockLibrary`), started ahead of the reader's Run. It runs those
/// blocks at once, in a launch of its own (fresh working, figure and crash folders, its own
/// marker token, the output cap, its own process group), keeps what they print, then waits on
/// a control FIFO for one line: the path of the edited block's library, which it loads and
/// runs. A Run that finds a kernel ready hands it the library and reads the kernel's output
/// from the first byte, through the same `ProgramExecution` as a fresh program, so its results
/// are those the program would have given; only the waiting is left out of the times.
///
/// A kernel runs one edited block and ends; `discard()` kills its process group and removes
/// its folder. No fork: the engine has threads, and a forked copy of it would not be safe.
final class Kernel: @unchecked Sendable {
    /// The environment variable naming the control FIFO; unset, the program does not wait.
    static let controlKey = "LESSONS_KERNEL_CONTROL"
    /// The marker name the program prints when the blocks above have run and it waits.
    static let readyMarker = "kernel-ready"

    /// What the kernel was started from: the prefix program's key (its source, compiler
    /// arguments and library build), so an edit above or a rebuild never reuses it.
    let key: String
    let launch: ProgramLaunch
    /// When the program was started (`ProgramExecution.now()` seconds).
    let startedAt: Double

    private let control: Int32
    /// Kills the kernel's process group (and stops it from starting, if it has not yet).
    private let stopper = RunCancellation()
    private let condition = NSCondition()
    private var chunks: [(bytes: ArraySlice<UInt8>, at: Double)] = []
    private var readyAt: Double?
    private var pid: pid_t?
    private var ended: Result<Subprocess.Result, any Error>?
    private var attached = false
    private var discarded = false
    private var expired = false
    private var watcher = MarkerSplitter(token: "")

    /// Starts `executable` as a kernel. The blocks above must reach their end within
    /// `timeLimit` seconds, or it is killed (and a Run that finds it uses a fresh program).
    init(key: String, executable: URL, timeLimit: Double, outputLimit: Int) throws {
        self.key = key
        let folder = try ChildProcesses.shared.makeTemporaryFolder(prefix: "lessons-kernel")
        do {
            launch = try ProgramLaunch(in: folder)
            let fifo = folder.appendingPathComponent("control").path
            guard mkfifo(fifo, 0o600) == 0 else {
                throw LessonError.system("cannot make the kernel's FIFO: \(errnoText())")
            }
            // Read and write, so opening never waits, and the line stays in the FIFO until the
            // program reads it, however late it gets there.
            control = open(fifo, O_RDWR | O_CLOEXEC)
            guard control >= 0 else {
                throw LessonError.system("cannot open the kernel's FIFO: \(errnoText())")
            }
            var environment = launch.environment(adding: [:])
            environment[Self.controlKey] = fifo
            watcher = MarkerSplitter(token: launch.token)
            startedAt = ProgramExecution.now()
            var process = Subprocess(
                executable: executable.path, arguments: [], environment: environment,
                workingDirectory: launch.workFolder.path, timeLimit: nil,
                outputLimit: outputLimit)
            process.onStart = { [self] pid in
                condition.withLock {
                    self.pid = pid
                    condition.broadcast()
                }
            }
            let thread = Thread { [self, process, stopper] in
                // This thread lives as long as the program: it dies with the thread that
                // started it (PR_SET_PDEATHSIG), and with `lessons` on a signal.
                let result = Result {
                    try RunCancellation.$current.withValue(stopper) {
                        try process.run { chunk in self.received(chunk) }
                    }
                }
                condition.withLock {
                    ended = result
                    condition.broadcast()
                }
            }
            thread.name = "lessons kernel"
            thread.start()
        } catch {
            ChildProcesses.shared.removeTemporaryFolder(folder)
            throw error
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { [weak self] in
            self?.expireIfNotReady()
        }
    }

    /// True while a Run can use it: not killed for taking too long, nor discarded.
    var isUsable: Bool { condition.withLock { !expired && !discarded && !attached } }

    /// True once the blocks above have run and it waits for the library.
    var isReady: Bool { condition.withLock { readyAt != nil } }

    /// The pid of its program, once started and until it ends (for tests).
    var processID: pid_t? { condition.withLock { ended == nil ? pid : nil } }

    /// Waits until the kernel is ready, or ended, or `seconds` passed; true if ready.
    func waitUntilReady(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        return condition.withLock {
            while readyAt == nil, ended == nil, condition.wait(until: deadline) {}
            return readyAt != nil
        }
    }

    /// Runs the edited block's `library` in the kernel. `onOutput` hears every chunk the
    /// program printed, from its first (at the time it was printed, with the time the kernel
    /// waited for this call taken out). The run's Stop (`RunCancellation.current`) kills the
    /// kernel, and so does the time limit: the whole program's, from the kernel's start, less
    /// the waiting.
    func run(
        library: URL, timeLimit: Double, onOutput: (ArraySlice<UInt8>, Double) -> Void
    ) throws -> Subprocess.Result {
        let cancellation = RunCancellation.current
        let group: pid_t? = try condition.withLock {
            guard !attached, !discarded else {
                throw LessonError.system("this kernel has already been used")
            }
            attached = true
            while self.pid == nil, ended == nil { condition.wait() }
            return ended == nil ? self.pid : nil
        }
        if let group { cancellation?.started(group) }
        defer { if let group { cancellation?.ended(group) } }
        let command = Array((library.path + "\n").utf8)
        _ = command.withUnsafeBytes { write(control, $0.baseAddress, $0.count) }

        let attachedAt = ProgramExecution.now()
        var delivered = 0
        var timedOut = false
        while true {
            let (new, end, idle, deadline) = condition.withLock {
                // The time between the end of the blocks above and this call is not the run's.
                let ready = readyAt.map { min($0, attachedAt) }
                let idle = ready.map { attachedAt - $0 } ?? 0
                let deadline = startedAt + idle + timeLimit
                while delivered == chunks.count, ended == nil, !timedOut,
                    ProgramExecution.now() < deadline
                {
                    let wait = deadline - ProgramExecution.now()
                    _ = condition.wait(until: Date(timeIntervalSinceNow: max(0.001, wait)))
                }
                let new = chunks[delivered...]
                delivered = chunks.count
                return (Array(new), ended, idle, deadline)
            }
            for chunk in new {
                onOutput(chunk.bytes, chunk.at >= attachedAt ? chunk.at - idle : chunk.at)
            }
            if let end {
                var result = try end.get()
                if timedOut { result.termination = .timedOut }
                result.seconds = max(0, result.seconds - idle)
                return result
            }
            if !timedOut, ProgramExecution.now() >= deadline {
                timedOut = true
                stopper.cancel()
            }
        }
    }

    /// Kills the program's process group, waits for it to end and removes its folder.
    func discard() {
        let first = condition.withLock {
            defer { discarded = true }
            return !discarded
        }
        guard first else { return }
        stopper.cancel()
        condition.withLock {
            let deadline = Date(timeIntervalSinceNow: 10)
            while ended == nil, condition.wait(until: deadline) {}
        }
        close(control)
        ChildProcesses.shared.removeTemporaryFolder(launch.folder)
    }

    private func received(_ chunk: ArraySlice<UInt8>) {
        let now = ProgramExecution.now()
        condition.withLock {
            chunks.append((chunk, now))
            if readyAt == nil,
                watcher.feed(chunk).contains(where: { $0 == .started(block: Self.readyMarker) })
            {
                readyAt = now
            }
            condition.broadcast()
        }
    }

    /// The blocks above ran past the time limit without a Run to blame it on: killed.
    private func expireIfNotReady() {
        let expire = condition.withLock {
            guard readyAt == nil, !attached, ended == nil else { return false }
            expired = true
            return true
        }
        if expire { stopper.cancel() }
    }
}
