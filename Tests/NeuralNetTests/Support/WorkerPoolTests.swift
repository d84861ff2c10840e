import Dispatch
import Foundation
import Synchronization
import Testing

@testable import NeuralNet

/// The threads the kernels run a product's workers on.
@Suite struct WorkerPoolTests {
    /// Counts from several threads.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func add(_ amount: Int = 1) -> Int {
            value.add(amount, ordering: .sequentiallyConsistent).newValue
        }
        var current: Int { value.load(ordering: .sequentiallyConsistent) }
    }

    @Test func everyWorkerRunsOnceAndAllWaitAtTheBarrier() {
        let pool = WorkerPool()
        for workers in [2, 3, 5] {
            let arrived = Counter()
            let seenAfterBarrier = Counter()
            let indices = Counter()
            pool.run(workers: workers) { worker, barrier in
                _ = indices.add(1 << (worker * 4))
                _ = arrived.add()
                barrier()
                // Past the barrier, every worker has arrived: they ran at once.
                if arrived.current == workers { _ = seenAfterBarrier.add() }
                barrier()
            }
            #expect(seenAfterBarrier.current == workers)
            // Each index exactly once: one in each 4-bit digit.
            let expected = (0..<workers).reduce(0) { $0 + 1 << ($1 * 4) }
            #expect(indices.current == expected)
        }
    }

    @Test func jobsBackToBackEachRunWhole() {
        // Helpers spinning between jobs must never run a job twice or skip one, whatever
        // the worker count of the job before.
        let pool = WorkerPool()
        let total = Counter()
        var expected = 0
        for job in 0..<2_000 {
            let workers = 2 + job % 3
            expected += workers * (workers - 1) / 2
            pool.run(workers: workers) { worker, _ in _ = total.add(worker) }
        }
        #expect(total.current == expected)
    }

    @Test func concurrentAndNestedCallersEachGetTheirOwnPool() {
        // Four threads at once, each running a job whose workers meet at a barrier and one of
        // which runs a job of its own: none waits for another's.
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            WorkerPool.run(workers: 2) { worker, barrier in
                barrier()
                if worker == 0 {
                    WorkerPool.run(workers: 2) { _, inner in
                        inner()
                        _ = done.add()
                    }
                }
                barrier()
            }
        }
        #expect(done.current == 8)
    }

    @Test func workersPackingBTogetherGiveTheBytesOfOneThread() {
        // Three depth blocks (the workers' two shared buffers in turn), a short last sliver
        // of B and a short last tile of A: two and three workers, packing their shares of
        // every block of B, against one.
        var generator = SeededGenerator(seed: 31)
        let a = Tensor<Float>.random(shape: [203, 600], in: -1...1, using: &generator)
        let b = Tensor<Float>.random(shape: [600, 150], in: -1...1, using: &generator)
        let one = matmul(a, b, settings: ComputeSettings(threadCount: 1)).scalars
        for threads in [2, 3] {
            let many = matmul(a, b, settings: ComputeSettings(threadCount: threads)).scalars
            let differing = zip(many, one).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(
                differing == 0, "\(differing) of \(one.count) elements differ on \(threads) threads"
            )
        }
    }
}
