import Dispatch

/// The entry to the matrix-multiply kernel from generic code: batches, layouts, threads, and
/// the choice of the `Float` or `Double` kernel.
enum MatrixMultiply {
    /// Where each matrix of a batched operand lies in its array.
    struct Layout: Sendable {
        /// Distance between consecutive matrices of the batch; 0 to reuse one matrix.
        var batchStride: Int
        var rowStride: Int
        var columnStride: Int

        /// Row-major `rows × columns` matrices, one after another (or one, reused).
        static func rowMajor(rows: Int, columns: Int, batched: Bool) -> Layout {
            Layout(batchStride: batched ? rows * columns : 0, rowStride: columns, columnStride: 1)
        }

        /// The same memory read as the transposed matrices.
        var transposed: Layout {
            Layout(batchStride: batchStride, rowStride: columnStride, columnStride: rowStride)
        }
    }

    /// Products below this many multiply-adds run on one thread: starting threads costs more.
    static let parallelThreshold = 1 << 18

    /// `C[i] = A[i]·B[i]` for `batch` pairs of an `m × k` A and a `k × n` B, each read
    /// through its layout; C is `batch` row-major `m × n` matrices.
    static func product<Scalar: TensorScalar>(
        _ a: [Scalar], _ aLayout: Layout, _ b: [Scalar], _ bLayout: Layout,
        batch: Int, m: Int, n: Int, k: Int, settings: ComputeSettings
    ) -> [Scalar] {
        let count = batch * m * n
        return [Scalar](unsafeUninitializedCapacity: count) { output, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    let c = output.baseAddress!
                    let job = Job(
                        a: a.baseAddress!, aLayout: aLayout, b: b.baseAddress!, bLayout: bLayout,
                        c: c, m: m, n: n, k: k)
                    let large = m * n * k >= parallelThreshold
                    let threads = large ? settings.threadCount : 1
                    if batch >= threads && threads > 1 {
                        // Whole matrices per thread: no thread waits on another.
                        let workers = threads
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            let first = worker * batch / workers
                            let last = (worker + 1) * batch / workers
                            for index in first..<last { job.run(index, threadCount: 1) }
                        }
                    } else {
                        for index in 0..<batch { job.run(index, threadCount: threads) }
                    }
                }
            }
            initialized = count
        }
    }

    /// One batched product, with its pointers, ready to run matrix by matrix.
    struct Job<Scalar: TensorScalar>: @unchecked Sendable {
        // @unchecked: the inputs are only read; each matrix of C is written by one thread.
        let a: UnsafePointer<Scalar>
        let aLayout: Layout
        let b: UnsafePointer<Scalar>
        let bLayout: Layout
        let c: UnsafeMutablePointer<Scalar>
        let m: Int
        let n: Int
        let k: Int

        /// Computes matrix `index` of the batch.
        func run(_ index: Int, threadCount: Int) {
            let aBase = a + index * aLayout.batchStride
            let bBase = b + index * bLayout.batchStride
            let cBase = c + index * m * n
            if Scalar.self == Float.self {
                multiply(SIMD8<Float>.self, aBase, bBase, cBase, threadCount)
            } else if Scalar.self == Double.self {
                multiply(SIMD4<Double>.self, aBase, bBase, cBase, threadCount)
            } else {
                naive(aBase, bBase, cBase)
            }
        }

        /// Hands the matrix to the blocked kernel for `Vector`'s scalar type, which is `Scalar`.
        private func multiply<Vector: SIMD>(
            _: Vector.Type, _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>,
            _ c: UnsafeMutablePointer<Scalar>, _ threadCount: Int
        ) where Vector.Scalar: BinaryFloatingPoint {
            let a = StridedMatrix(
                base: UnsafeRawPointer(a).assumingMemoryBound(to: Vector.Scalar.self),
                rowStride: aLayout.rowStride, columnStride: aLayout.columnStride)
            let b = StridedMatrix(
                base: UnsafeRawPointer(b).assumingMemoryBound(to: Vector.Scalar.self),
                rowStride: bLayout.rowStride, columnStride: bLayout.columnStride)
            let c = UnsafeMutableRawPointer(c).assumingMemoryBound(to: Vector.Scalar.self)
            // Through a non-generic function, so that the kernel is fully specialised: the
            // optimiser does not specialise it inside this generic type.
            if let a = a as? StridedMatrix<Float>, let b = b as? StridedMatrix<Float> {
                MatrixMultiplyKernel.multiplyFloat(
                    rows: m, columns: n, depth: k, a, b,
                    into: UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self),
                    threadCount: threadCount)
            } else if let a = a as? StridedMatrix<Double>, let b = b as? StridedMatrix<Double> {
                MatrixMultiplyKernel.multiplyDouble(
                    rows: m, columns: n, depth: k, a, b,
                    into: UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self),
                    threadCount: threadCount)
            }
        }

        /// The textbook triple loop, for a scalar type other than `Float` and `Double`.
        private func naive(
            _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>,
            _ c: UnsafeMutablePointer<Scalar>
        ) {
            for i in 0..<m {
                for j in 0..<n {
                    var sum: Scalar = 0
                    for p in 0..<k {
                        sum +=
                            a[i * aLayout.rowStride + p * aLayout.columnStride]
                            * b[p * bLayout.rowStride + j * bLayout.columnStride]
                    }
                    c[i * n + j] = sum
                }
            }
        }
    }
}
