import Foundation

/// The warm kernels of a notebook server: at most one per chapter, for the block the reader
/// is expected to run next (the chapter's last block when its page opens, then the block last
/// run). A Run takes its chapter's kernel if it was started from the same prefix program; any
/// other kernel of that chapter is killed, so an edit above or a rebuild never reuses one.
public final class KernelPool: @unchecked Sendable {
    private let lock = NSLock()
    private var kernels: [String: Kernel] = [:]
    private var closed = false

    public init() {}

    /// The chapter's kernel, if it was started with `key`; nil otherwise (and a kernel of the
    /// chapter with another key is killed).
    func take(chapter: String, key: String) -> Kernel? {
        guard let kernel = lock.withLock({ kernels.removeValue(forKey: chapter) }) else {
            return nil
        }
        if kernel.key == key, kernel.isUsable { return kernel }
        kernel.discard()
        return nil
    }

    /// Starts a kernel for the chapter with `start`, unless one with `key` waits already;
    /// any other kernel of the chapter is killed. Does nothing once the pool is shut down.
    func prepare(chapter: String, key: String, start: () throws -> Kernel) {
        let existing: Kernel? = lock.withLock {
            guard !closed else { return nil }
            return kernels[chapter]
        }
        if let existing, existing.key == key, existing.isUsable { return }
        guard let kernel = try? start() else { return }
        let replaced: Kernel?? = lock.withLock {
            guard !closed else { return .none }
            defer { kernels[chapter] = kernel }
            return .some(kernels[chapter])
        }
        switch replaced {
        case .none: kernel.discard()
        case .some(let old): old?.discard()
        }
    }

    /// The kernel waiting for the chapter, if any (for tests).
    func kernel(of chapter: String) -> Kernel? { lock.withLock { kernels[chapter] } }

    /// Kills every kernel and starts no more (the server is stopping).
    public func shutdown() {
        let all = lock.withLock {
            closed = true
            defer { kernels = [:] }
            return Array(kernels.values)
        }
        for kernel in all { kernel.discard() }
    }
}
