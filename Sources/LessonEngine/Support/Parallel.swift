import Foundation

/// Maps over items on up to `jobs` threads; results come back in input order, so a parallel
/// run reports exactly what a serial one would.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let box = ResultBox<Result>(count: items.count)
    let next = ResultBox<Int>(count: 0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, items.count))) { _ in
        while let index = next.takeNext(below: items.count) {
            box.set(index, transform(items[index]))
        }
    }
    return box.values()
}

/// Results filled in from several threads, behind a lock.
private final class ResultBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var counter = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    func values() -> [Value] { lock.withLock { slots.map { $0! } } }

    /// Hands out 0, 1, 2, … below `limit`, then nil.
    func takeNext(below limit: Int) -> Int? {
        lock.withLock {
            guard counter < limit else { return nil }
            counter += 1
            return counter - 1
        }
    }
}
