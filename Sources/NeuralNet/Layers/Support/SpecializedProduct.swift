/// Matrix products that reach the core's blocked SIMD kernel from concrete `Float` and
/// `Double` code, so the compiler specialises it.
///
/// A workaround: `matmul` and `MatrixMultiply.product` are generic over the scalar, and when
/// called from generic code (every layer) the kernel's `SIMD8<Float>` arithmetic is left
/// unspecialised, running through witness tables at about 0.02 GFLOP/s, a thousand times below
/// its design. Calling `MatrixMultiplyKernel.multiply` from the two non-generic functions below
/// gives the specialised kernel. Remove this once the core specialises `product` itself.
enum SpecializedProduct {
    /// `C = A·B` for an `m × k` A and a `k × n` B read through their layouts; C row-major.
    static func product<Scalar: TensorScalar>(
        _ a: [Scalar], _ aLayout: MatrixMultiply.Layout, _ b: [Scalar],
        _ bLayout: MatrixMultiply.Layout, m: Int, n: Int, k: Int
    ) -> [Scalar] {
        guard m > 0, n > 0, k > 0, Scalar.self == Float.self || Scalar.self == Double.self else {
            return MatrixMultiply.product(
                a, aLayout, b, bLayout, batch: 1, m: m, n: n, k: k, settings: .default)
        }
        let threads =
            m * n * k >= MatrixMultiply.parallelThreshold ? ComputeSettings.default.threadCount : 1
        return [Scalar](unsafeUninitializedCapacity: m * n) { output, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    let (left, right) = (
                        UnsafeRawPointer(a.baseAddress!), UnsafeRawPointer(b.baseAddress!)
                    )
                    let result = UnsafeMutableRawPointer(output.baseAddress!)
                    if Scalar.self == Float.self {
                        multiplyFloats(left, aLayout, right, bLayout, result, m, n, k, threads)
                    } else {
                        multiplyDoubles(left, aLayout, right, bLayout, result, m, n, k, threads)
                    }
                }
            }
            initialized = m * n
        }
    }

    /// The kernel for `Float`, specialised here.
    private static func multiplyFloats(
        _ a: UnsafeRawPointer, _ aLayout: MatrixMultiply.Layout, _ b: UnsafeRawPointer,
        _ bLayout: MatrixMultiply.Layout, _ c: UnsafeMutableRawPointer, _ m: Int, _ n: Int,
        _ k: Int, _ threads: Int
    ) {
        MatrixMultiplyKernel.multiply(
            SIMD8<Float>.self, rows: m, columns: n, depth: k,
            StridedMatrix(
                base: a.assumingMemoryBound(to: Float.self), rowStride: aLayout.rowStride,
                columnStride: aLayout.columnStride),
            StridedMatrix(
                base: b.assumingMemoryBound(to: Float.self), rowStride: bLayout.rowStride,
                columnStride: bLayout.columnStride),
            into: c.assumingMemoryBound(to: Float.self), threadCount: threads)
    }

    /// The kernel for `Double`, specialised here.
    private static func multiplyDoubles(
        _ a: UnsafeRawPointer, _ aLayout: MatrixMultiply.Layout, _ b: UnsafeRawPointer,
        _ bLayout: MatrixMultiply.Layout, _ c: UnsafeMutableRawPointer, _ m: Int, _ n: Int,
        _ k: Int, _ threads: Int
    ) {
        MatrixMultiplyKernel.multiply(
            SIMD4<Double>.self, rows: m, columns: n, depth: k,
            StridedMatrix(
                base: a.assumingMemoryBound(to: Double.self), rowStride: aLayout.rowStride,
                columnStride: aLayout.columnStride),
            StridedMatrix(
                base: b.assumingMemoryBound(to: Double.self), rowStride: bLayout.rowStride,
                columnStride: bLayout.columnStride),
            into: c.assumingMemoryBound(to: Double.self), threadCount: threads)
    }
}
