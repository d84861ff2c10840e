import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Threads kept for the parallel kernels, which wait for work spinning, then asleep.
///
/// `DispatchQueue.concurrentPerform` wakes a sleeping worker for every call, which costs tens
/// of microseconds: a 256 × 256 product takes a few hundred on one thread, so two threads
/// gained little. These helpers spin for ``spinTime`` after their last job before they sleep
/// on a condition variable, so back-to-back products (a training step's, a benchmark's) find
/// them awake; idle, the pool costs nothing. Helpers start when first needed, one per extra
/// worker ever asked for.
///
/// A pool runs one job at a time. ``run(workers:_:)`` takes an idle pool (or makes one), so
/// products started on several threads at once, or inside another product's job, each get
/// their own, and nothing waits for another job. Every worker of a job runs on its own
/// thread at once, so a job may make its workers wait for each other (`barrier`).
@available(macOS 15.0, *)
final class WorkerPool: @unchecked Sendable {
    // @unchecked: a pool serves one caller at a time (taken from `idle` under `idleLock`).
    // `job` is written by that caller before it publishes it by advancing `ticket` (a
    // release), and read by the job's helpers after they see the new ticket (an acquire)
    // and before they count themselves out of `remaining`, which the caller waits for;
    // `helpers` is guarded by `mutex`.

    /// Pools no job is using; the kernels take one for each job and give it back. Guarded
    /// by `idleLock`.
    private nonisolated(unsafe) static var idle: [WorkerPool] = []
    private static let idleLock = Lock()

    /// How long a helper spins for the next job before it sleeps: long enough to bridge
    /// the gap between one product and the next in a training step, short enough that an
    /// idle process does not take a core.
    static let spinTime: UInt64 = 200_000  // nanoseconds

    /// The job's generation and worker count, `generation << 16 | workers`: read in one load,
    /// so that a helper never pairs one job's generation with another's worker count.
    private let ticket = Atomic<Int>(0)
    /// Helpers yet to finish the current job.
    private let remaining = Atomic<Int>(0)
    /// Workers yet to reach the current barrier, and how many barriers have opened.
    private let arrivals = Atomic<Int>(0)
    private let barriers = Atomic<Int>(0)
    private var job: ((Int) -> Void)?
    private var helpers = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let wakeUp: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        wakeUp = .allocate(capacity: 1)
        wakeUp.initialize(to: pthread_cond_t())
        pthread_cond_init(wakeUp, nil)
    }

    /// Runs `body(0)` … `body(workers - 1)` at once, each on its own thread (the caller's is
    /// worker 0), on an idle pool, and returns when all have. `body` gets a barrier that
    /// returns once every worker has called it.
    static func run(
        workers count: Int,
        _ body: @Sendable (_ worker: Int, _ barrier: @escaping @Sendable () -> Void) -> Void
    ) {
        let pool = idleLock.withLock { idle.popLast() } ?? WorkerPool()
        pool.run(workers: count, body)
        idleLock.withLock { idle.append(pool) }
    }

    /// Runs the job on this pool, which no other thread is using.
    func run(
        workers count: Int,
        _ body: @Sendable (_ worker: Int, _ barrier: @escaping @Sendable () -> Void) -> Void
    ) {
        guard count > 1 else {
            body(0, {})
            return
        }
        startHelpers(count - 1)
        withoutActuallyEscaping(body) { body in
            let barrier: @Sendable () -> Void = { self.barrier(count) }
            job = { body($0, barrier) }
            remaining.store(count - 1, ordering: .relaxed)
            arrivals.store(0, ordering: .relaxed)
            let generation = ticket.load(ordering: .relaxed) >> 16 + 1
            pthread_mutex_lock(mutex)
            ticket.store(generation << 16 | count, ordering: .releasing)
            pthread_cond_broadcast(wakeUp)
            pthread_mutex_unlock(mutex)
            body(0, barrier)
            while remaining.load(ordering: .acquiring) > 0 { spinPause() }
            job = nil
        }
    }

    /// Waits until all `count` workers of the job have arrived.
    private func barrier(_ count: Int) {
        let opened = barriers.load(ordering: .acquiring)
        if arrivals.add(1, ordering: .acquiringAndReleasing).newValue == count {
            arrivals.store(0, ordering: .relaxed)
            barriers.add(1, ordering: .releasing)
        } else {
            while barriers.load(ordering: .acquiring) == opened { spinPause() }
        }
    }

    /// Starts helpers until there are `count`.
    private func startHelpers(_ count: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while helpers < count {
            helpers += 1
            let index = helpers
            let seen = ticket.load(ordering: .relaxed)
            let thread = Thread { self.helperLoop(index: index, seen: seen) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// A helper's life: wait for a newer ticket, run its index of the job if the job has that
    /// many workers, report, repeat.
    private func helperLoop(index: Int, seen start: Int) {
        var seen = start
        while true {
            seen = waitForJob(after: seen)
            guard index < seen & 0xFFFF else { continue }
            runJob(index)
            remaining.subtract(1, ordering: .releasing)
        }
    }

    /// Runs the current job's `index`; its reference to the job is gone when this returns,
    /// before the caller, which waits on `remaining`, is told.
    @inline(never)
    private func runJob(_ index: Int) {
        job?(index)
    }

    /// Spins for up to ``spinTime``, then sleeps, until the ticket is no longer `seen`.
    private func waitForJob(after seen: Int) -> Int {
        let deadline = Self.now() + Self.spinTime
        var spins = 0
        while true {
            let current = ticket.load(ordering: .acquiring)
            if current != seen { return current }
            spins += 1
            if spins % 256 == 0, Self.now() > deadline { break }
            spinPause()
        }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while ticket.load(ordering: .acquiring) == seen {
            pthread_cond_wait(wakeUp, mutex)
        }
        return ticket.load(ordering: .acquiring)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Gives the processor to another thread that is ready to run, if any: a spinning
    /// helper then takes no time from the process's own work or another process's.
    @inline(__always)
    private func spinPause() {
        sched_yield()
    }
}

/// Runs `body` for `workers` indices at once on a ``WorkerPool``, with a barrier; on
/// Dispatch's threads, which may run them one after another, with none, on macOS before 15
/// (no `Synchronization`) or when `NEURALNET_DISPATCH=1` asks for it (to compare the two).
func runConcurrently(
    workers: Int,
    _ body: @Sendable (_ worker: Int, _ barrier: (@Sendable () -> Void)?) -> Void
) {
    if #available(macOS 15.0, *), concurrentWorkersMeet {
        WorkerPool.run(workers: workers) { body($0, $1) }
    } else {
        DispatchQueue.concurrentPerform(iterations: workers) { body($0, nil) }
    }
}

/// Whether ``runConcurrently(workers:_:)`` runs on the pool, giving its workers a barrier.
var concurrentWorkersMeet: Bool {
    if #available(macOS 15.0, *), !usesDispatch { return true }
    return false
}

/// Whether `NEURALNET_DISPATCH=1` sends the kernels' threads to Dispatch instead of the pool.
private let usesDispatch = getenv("NEURALNET_DISPATCH").map { String(cString: $0) == "1" } ?? false
