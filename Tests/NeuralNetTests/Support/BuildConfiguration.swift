/// Whether these tests, and the library they link, were built optimised.
///
/// The end-to-end training tests run only then: unoptimised, the library's SIMD matrix multiply
/// is about a thousand times slower (30 ms for a 32 × 64 × 128 product), so a few epochs would
/// take minutes. Run them with
/// `swift test -c release --scratch-path .build-layers --filter EndToEnd`.
let isOptimizedBuild: Bool = {
    #if DEBUG
        return false
    #else
        return true
    #endif
}()
