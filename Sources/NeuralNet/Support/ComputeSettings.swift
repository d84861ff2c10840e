#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much of the machine the heavy kernels (matrix multiply) may use.
///
/// A value passed to the operations that can run in parallel; nothing is stored globally. The
/// number of threads never changes a result: every output element is computed by the same
/// sequence of floating-point operations whichever thread computes it, so results are
/// byte-identical for any thread count.
public struct ComputeSettings: Sendable, Equatable {
    /// The largest number of threads one operation may use; at least 1.
    public var threadCount: Int

    /// Settings that use at most `threadCount` threads.
    public init(threadCount: Int) {
        guard threadCount >= 1 else {
            fatalError("ComputeSettings(threadCount:): needs at least 1 thread, not \(threadCount)")
        }
        self.threadCount = threadCount
    }

    /// The settings operations use unless given others, read once from the environment.
    ///
    /// `NEURALNET_THREADS` sets the thread count when it holds a positive integer; otherwise it
    /// is the number of processors the system reports.
    public static let `default` = ComputeSettings(
        threadCount: threadCount(
            fromEnvironmentValue: getenv("NEURALNET_THREADS").map {
                String(cString: $0)
            }))

    /// The thread count a value of `NEURALNET_THREADS` asks for, or the processor count.
    static func threadCount(fromEnvironmentValue value: String?) -> Int {
        if let value, let count = Int(value), count >= 1 { return count }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
