#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutual-exclusion lock over a POSIX mutex.
///
/// The library needs one lock: the gradient a graph node accumulates is the only mutable state a
/// ``Tensor`` reaches, and guarding it is what lets tensors be `Sendable`. `Synchronization.Mutex`
/// would do, but it needs macOS 15 and the package supports macOS 13.
final class Lock: @unchecked Sendable {
    // @unchecked: the mutex is the synchronisation; it is allocated once, never moved, and
    // destroyed only when no one can hold a reference to the lock.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        guard status == 0 else { fatalError("Lock: pthread_mutex_init failed (\(status))") }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` while holding the lock.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
