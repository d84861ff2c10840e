import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What this process has started and not yet cleaned up: the process groups of its children
/// (`swift build`, `swiftc`, chapter programs, node) and its temporary folders.
///
/// It is the one piece of process-wide state in the engine, because a signal ends the whole
/// process: on SIGINT or SIGTERM (see `Interruption`) it ends every child and everything they
/// started, removes the folders and exits. Children are started and folders made under its
/// lock, so nothing new starts once it is stopping.
final class ChildProcesses: @unchecked Sendable {
    static let shared = ChildProcesses()

    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var folders: Set<String> = []
    private var stopping = false
    /// The signal sources `Interruption` listens on, kept for the life of the process.
    private var signalSources: [any DispatchSourceSignal] = []

    /// Starts a child with `start` (which returns its pid, the leader of its own process
    /// group) and records it; refuses once the process is stopping.
    func start(_ start: () throws -> pid_t) throws -> pid_t {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else {
            throw LessonError.system("lessons is stopping: nothing more starts")
        }
        let pid = try start()
        groups.insert(pid)
        return pid
    }

    /// Keeps a signal source alive.
    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { signalSources.append(source) }
    }

    /// The child has ended and its group has been killed.
    func ended(_ pid: pid_t) {
        lock.withLock { _ = groups.remove(pid) }
    }

    /// Makes a fresh temporary folder, `$TMPDIR/<prefix>-<random>`, removed on a signal.
    func makeTemporaryFolder(prefix: String) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else {
            throw LessonError.system("lessons is stopping: nothing more starts")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(Marker.makeToken())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        folders.insert(folder.path)
        return folder
    }

    /// Removes a folder made by `makeTemporaryFolder`.
    func removeTemporaryFolder(_ folder: URL) {
        lock.withLock {
            try? FileManager.default.removeItem(at: folder)
            _ = folders.remove(folder.path)
        }
    }

    /// Ends every child and everything below it, removes the temporary folders and exits
    /// with `128 + signal` (130 for SIGINT, 143 for SIGTERM), as a shell reports it.
    ///
    /// Children first get SIGINT, as Ctrl-C in a terminal would give them (SwiftPM then stops
    /// the compilers it started in process groups of their own), and up to `grace` seconds to
    /// end; then every process still below this one is stopped, so it cannot start another,
    /// and killed.
    func stop(signal: Int32, grace: Double = 2) -> Never {
        lock.lock()  // Never released: nothing starts from here on.
        stopping = true
        let me = getpid()
        let started = Set(ProcessTree.descendants(of: me))
        for group in groups { kill(-group, SIGINT) }
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline, groups.contains(where: ProcessTree.isRunning) {
            usleep(20_000)
        }
        var stopped: Set<pid_t> = []
        for _ in 0..<20 {
            let left = Set(ProcessTree.descendants(of: me))
                .union(started.filter(ProcessTree.isRunning)).subtracting(stopped)
            if left.isEmpty { break }
            for pid in left { kill(pid, SIGSTOP) }
            stopped.formUnion(left)
        }
        for group in groups { kill(-group, SIGKILL) }
        for pid in stopped {
            kill(pid, SIGKILL)
            kill(-pid, SIGKILL)
        }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        _exit(128 + signal)
    }
}
