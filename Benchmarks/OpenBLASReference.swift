#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// OpenBLAS's `cblas_sgemm` and `cblas_dgemm`, loaded at run time with `dlopen`, as the
/// reference the matrix-multiply ratio is measured against.
///
/// Loaded rather than linked, so the package builds on a machine without OpenBLAS; there the
/// benchmark says "OpenBLAS not found" and measures only this library. On Debian it is the
/// `libopenblas-dev` (or `libopenblas0`) package.
struct OpenBLASReference: @unchecked Sendable {
    // @unchecked: C function pointers into a library that stays loaded for the whole run.
    typealias SinglePrecision =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32,
            UnsafePointer<Float>, Int32, Float, UnsafeMutablePointer<Float>, Int32
        ) -> Void
    typealias DoublePrecision =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>, Int32,
            UnsafePointer<Double>, Int32, Double, UnsafeMutablePointer<Double>, Int32
        ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void
    typealias Configuration = @convention(c) () -> UnsafePointer<CChar>?

    let sgemm: SinglePrecision
    let dgemm: DoublePrecision
    let setThreads: SetThreads
    /// What OpenBLAS says of itself: version, build options and the kernel it chose.
    let description: String

    /// The library, or nil when no OpenBLAS can be loaded.
    static func load() -> OpenBLASReference? {
        // Idle OpenBLAS threads spin for 2²⁸ cycles (about 0.1 s) after each call, which
        // would take a core from our next run; 2²⁴ (a few ms) keeps them spinning between
        // the back-to-back calls of one timed run but not into ours.
        setenv("OPENBLAS_THREAD_TIMEOUT", "24", 0)
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW) else { continue }
            guard let sgemm = dlsym(handle, "cblas_sgemm"),
                let dgemm = dlsym(handle, "cblas_dgemm"),
                let setThreads = dlsym(handle, "openblas_set_num_threads")
            else { continue }
            var description = name
            if let configuration = dlsym(handle, "openblas_get_config"),
                let text = unsafeBitCast(configuration, to: Configuration.self)()
            {
                description += ": " + String(cString: text)
            }
            if let coreName = dlsym(handle, "openblas_get_corename"),
                let text = unsafeBitCast(coreName, to: Configuration.self)()
            {
                description += ", kernel " + String(cString: text)
            }
            return OpenBLASReference(
                sgemm: unsafeBitCast(sgemm, to: SinglePrecision.self),
                dgemm: unsafeBitCast(dgemm, to: DoublePrecision.self),
                setThreads: unsafeBitCast(setThreads, to: SetThreads.self),
                description: description)
        }
        return nil
    }

    /// `C = A·B` for row-major `n × n` matrices.
    func multiply(_ a: [Float], _ b: [Float], into c: inout [Float], n: Int) {
        let size = Int32(n)
        sgemm(
            rowMajor, noTranspose, noTranspose, size, size, size, 1, a, size, b, size, 0, &c, size)
    }

    /// `C = A·B` for row-major `n × n` matrices.
    func multiply(_ a: [Double], _ b: [Double], into c: inout [Double], n: Int) {
        let size = Int32(n)
        dgemm(
            rowMajor, noTranspose, noTranspose, size, size, size, 1, a, size, b, size, 0, &c, size)
    }

    private let rowMajor: Int32 = 101  // CblasRowMajor
    private let noTranspose: Int32 = 111  // CblasNoTrans
}
