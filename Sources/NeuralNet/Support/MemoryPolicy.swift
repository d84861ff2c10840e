#if canImport(Glibc)
    import Glibc
#endif

/// How the library asks the C allocator to treat the memory that tensors free.
///
/// A training step allocates and frees megabytes: a recurrent sequence's gates and states, a
/// batch's activations, their gradients. With glibc's defaults, blocks that large are mapped
/// fresh from the kernel, and freed memory at the top of the heap is handed back to it, so
/// every step touches new pages and pays a page fault for each 4 KiB (half the time of the
/// LSTM benchmark's step, measured with `perf`). So, once per process, on the first tensor
/// made, the library asks glibc to serve blocks under 32 MiB from the heap
/// (`M_MMAP_THRESHOLD`) and to keep up to 128 MiB of free memory at its top
/// (`M_TRIM_THRESHOLD`), as allocators built for numeric work do. It changes no result.
///
/// Set `NEURALNET_SYSTEM_MALLOC=1` to keep glibc's defaults (to measure the difference, or
/// in a process whose memory use matters more than its speed).
enum MemoryPolicy {
    /// Whether the policy was applied; evaluated once, by the first tensor.
    static let applied: Bool = {
        #if canImport(Glibc)
            if let value = getenv("NEURALNET_SYSTEM_MALLOC"), String(cString: value) == "1" {
                return false
            }
            // `mallopt` is in <malloc.h>, which the Glibc module does not export.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else {
                return false
            }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)  // M_TRIM_, M_MMAP_
            return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 128 << 20) == 1
        #else
            return false
        #endif
    }()
}
