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

    /// How many multiply-adds each thread must have for a second thread to pay (about 11 µs
    /// of work on one core). With Dispatch waking the second thread (and each packing all of
    /// B), 128 × 128 × 128 (2²¹) ran at 45 GFLOP/s on two threads against about 85 on one;
    /// on the ``WorkerPool``, whose helpers wait spinning and share the packing of B, it runs
    /// at 88–106 (`NEURALNET_DISPATCH=1 BENCH_THREADS=2 MATMUL_SIZES=128 Benchmarks ratios
    /// matmul` shows the first). The training workloads' products (a batch of 32 by
    /// 64 × 128, an LSTM step's 32 × 32 × 128) are below it and stay on the calling thread.
    static let workPerThread = 1 << 20

    /// How a product is shared between threads.
    enum Plan: Equatable {
        /// On the calling thread.
        case serial
        /// Each worker takes whole matrices of the batch: no thread waits on another.
        case wholeMatrices(workers: Int)
        /// Each worker takes a range of rows of every matrix (and packs its own B).
        case rows(workers: Int)
    }

    /// The fewest rows of C a worker of a row split must have. With few rows, packing (and,
    /// on Dispatch, packing all of B for each worker) rather than arithmetic is a worker's
    /// work: the LSTM's backpropagation product, 32 × 1,600 × 128, ran slower on two threads
    /// than on one.
    static let rowsPerThread = 40

    /// The plan for `batch` products of `m × k` by `k × n` with at most `threadCount` threads:
    /// one worker per `workPerThread` multiply-adds, never more than there are matrices to
    /// give them or (splitting rows) ``rowsPerThread`` rows each, and no threads at all for a
    /// single worker.
    static func plan(batch: Int, m: Int, n: Int, k: Int, threadCount: Int) -> Plan {
        let work = batch * m * n * k
        let wanted = min(threadCount, work / workPerThread)
        if wanted < 2 { return .serial }
        if batch >= wanted { return .wholeMatrices(workers: wanted) }
        let workers = min(wanted, m / rowsPerThread)
        return workers < 2 ? .serial : .rows(workers: workers)
    }

    /// `C[i] = A[i]·B[i]` for `batch` pairs of an `m × k` A and a `k × n` B, each read
    /// through its layout; C is `batch` row-major `m × n` matrices. Any dimension may be 0:
    /// the result is then empty, or zeros when only `k` is.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func product<Scalar: TensorScalar>(
        _ a: [Scalar], _ aLayout: Layout, _ b: [Scalar], _ bLayout: Layout,
        batch: Int, m: Int, n: Int, k: Int, settings: ComputeSettings
    ) -> [Scalar] {
        let count = batch * m * n
        if count == 0 { return [] }
        if k == 0 { return [Scalar](repeating: 0, count: count) }
        return [Scalar](unsafeUninitializedCapacity: count) { output, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    // Not empty: count and k are positive, so A, B and C all have elements.
                    let job = Job(
                        a: a.baseAddress!, aLayout: aLayout, b: b.baseAddress!, bLayout: bLayout,
                        c: output.baseAddress!, m: m, n: n, k: k)
                    switch plan(
                        batch: batch, m: m, n: n, k: k, threadCount: settings.threadCount)
                    {
                    case .serial:
                        for index in 0..<batch { job.run(index, threadCount: 1) }
                    case .wholeMatrices(let workers):
                        runConcurrently(workers: workers) { worker, _ in
                            let first = worker * batch / workers
                            let last = (worker + 1) * batch / workers
                            for index in first..<last { job.run(index, threadCount: 1) }
                        }
                    case .rows(let workers):
                        for index in 0..<batch { job.run(index, threadCount: workers) }
                    }
                }
            }
            initialized = count
        }
    }

    /// `C = A·B` for one `m × k` A and `k × n` B, on the default settings' threads: the
    /// products of the layers' and recurrent primitives.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func product<Scalar: TensorScalar>(
        _ a: [Scalar], _ aLayout: Layout, _ b: [Scalar], _ bLayout: Layout, m: Int, n: Int,
        k: Int
    ) -> [Scalar] {
        product(a, aLayout, b, bLayout, batch: 1, m: m, n: n, k: k, settings: .default)
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
            // Through non-generic entry points, so that the kernel is fully specialised (the
            // optimiser does not specialise it inside this generic type); `Scalar` is checked
            // to be the entry point's type before its memory is read as that type.
            let (aRows, aColumns) = (aLayout.rowStride, aLayout.columnStride)
            let (bRows, bColumns) = (bLayout.rowStride, bLayout.columnStride)
            if Scalar.self == Float.self {
                MatrixMultiplyKernel.multiplyFloat(
                    rows: m, columns: n, depth: k,
                    StridedMatrix(base: rebound(aBase), rowStride: aRows, columnStride: aColumns),
                    StridedMatrix(base: rebound(bBase), rowStride: bRows, columnStride: bColumns),
                    into: rebound(cBase), threadCount: threadCount)
            } else if Scalar.self == Double.self {
                MatrixMultiplyKernel.multiplyDouble(
                    rows: m, columns: n, depth: k,
                    StridedMatrix(base: rebound(aBase), rowStride: aRows, columnStride: aColumns),
                    StridedMatrix(base: rebound(bBase), rowStride: bRows, columnStride: bColumns),
                    into: rebound(cBase), threadCount: threadCount)
            } else {
                naive(aBase, bBase, cBase)
            }
        }

        /// The same memory seen as the concrete scalar type it holds.
        private func rebound<Target>(_ pointer: UnsafePointer<Scalar>) -> UnsafePointer<Target> {
            UnsafeRawPointer(pointer).assumingMemoryBound(to: Target.self)
        }

        /// The same memory seen as the concrete scalar type it holds.
        private func rebound<Target>(_ pointer: UnsafeMutablePointer<Scalar>)
            -> UnsafeMutablePointer<Target>
        {
            UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Target.self)
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
