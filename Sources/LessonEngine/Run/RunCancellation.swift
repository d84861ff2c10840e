import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A way to stop a chapter run at once from another thread (the notebook's Stop button): it
/// kills the process group of the compiler or program running now, and refuses to start any
/// other. `ChapterRunner` makes it current for the processes the run starts.
public final class RunCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var groups: Set<pid_t> = []

    public init() {}

    /// The cancellation of the run on this thread, if any.
    @TaskLocal static var current: RunCancellation?

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Stops the run: kills what it is running and anything it would start next.
    public func cancel() {
        let running = lock.withLock {
            cancelled = true
            return groups
        }
        for group in running { kill(-group, SIGKILL) }
    }

    /// A process group started by the run; killed at once if the run was already stopped.
    func started(_ group: pid_t) {
        let stopped = lock.withLock {
            groups.insert(group)
            return cancelled
        }
        if stopped { kill(-group, SIGKILL) }
    }

    func ended(_ group: pid_t) { _ = lock.withLock { groups.remove(group) } }

    /// Throws if the run was stopped, so nothing more starts.
    func check() throws {
        if isCancelled { throw LessonError.system("the run was stopped") }
    }
}
