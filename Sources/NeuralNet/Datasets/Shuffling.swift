#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Seeded shuffling and batching with arithmetic written here: the standard library's
// `shuffled(using:)` does not promise to draw the same way in every release, and a seed must
// give the same order on every run.

/// A permutation of `0..<count` drawn from `generator` (Fisher–Yates).
public func seededPermutation(count: Int, using generator: inout some RandomNumberGenerator)
    -> [Int]
{
    var order = Array(0..<count)
    for index in stride(from: count - 1, to: 0, by: -1) {
        order.swapAt(index, randomIndex(below: index + 1, using: &generator))
    }
    return order
}

/// An integer in `0..<bound` from the high half of `bound × next()` (Lemire's method without
/// its rejection step; the bias, at most `bound / 2⁶⁴`, is far below anything measurable).
func randomIndex(below bound: Int, using generator: inout some RandomNumberGenerator) -> Int {
    Int(UInt64(bound).multipliedFullWidth(by: generator.next()).high)
}

/// The ranges of consecutive batches of `size` over `count` samples; the last may be short.
func batchRanges(count: Int, size: Int) -> [Range<Int>] {
    guard size >= 1 else { fatalError("batches(size:): size must be at least 1, not \(size)") }
    return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
}

/// A standard normal number (Box–Muller, one of the pair).
func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
    let radius = (-2 * log(1 - unitInterval(using: &generator))).squareRoot()
    return radius * cos(2 * Double.pi * unitInterval(using: &generator))
}
