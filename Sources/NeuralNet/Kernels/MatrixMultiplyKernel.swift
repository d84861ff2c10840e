import Dispatch

#if NEURALNET_AVX512
    // Built for AVX-512 (the engine passes `-D NEURALNET_AVX512` with `-target-cpu
    // skylake-avx512` where the processor has it): a tile row is two 512-bit vectors.
    typealias FloatTileVector = SIMD16<Float>
    typealias DoubleTileVector = SIMD8<Double>
#else
    /// The vector a micro-tile row is two of: 256 bits, AVX2's width (SSE2 splits it in two).
    typealias FloatTileVector = SIMD8<Float>
    typealias DoubleTileVector = SIMD4<Double>
#endif

/// A matrix read through strides, so that a transposed operand needs no copy.
struct StridedMatrix<Scalar>: @unchecked Sendable {
    // @unchecked: a read-only view into memory the caller keeps alive for the whole multiply.
    let base: UnsafePointer<Scalar>
    let rowStride: Int
    let columnStride: Int
}

/// A cache-blocked, register-tiled matrix multiply `C = A·B`, after the BLIS design.
///
/// The product is cut into blocks so that each level of the memory hierarchy holds what the
/// level below reuses (Goto and van de Geijn, *Anatomy of High-Performance Matrix
/// Multiplication*, 2008):
///
/// - `k` is cut into blocks of ``depthBlock``. For each, a block of B (`depthBlock × n`) is
///   *packed*: copied into slivers `nr` columns wide, each stored row after row, so the
///   micro-kernel reads it strictly in order.
/// - `m` is cut into blocks of ``rowBlock`` rows; each is packed into slivers ``tileRows`` = 6
///   rows tall, stored column after column, and stays in the L2 cache while every B sliver
///   passes.
/// - The *micro-kernel* multiplies one A sliver by one B sliver: a 6 × `nr` tile of C held in
///   twelve SIMD registers (`nr` is two vectors wide: with AVX2, 16 `Float`s or 8 `Double`s;
///   built for AVX-512, 32 or 16), updated by one broadcast of A, two vector loads of B and
///   twelve fused multiply-adds for each step along `k`: twelve accumulators, two B vectors
///   and a broadcast fit AVX2's 16 vector registers.
///
/// Fused multiply-adds, not separate multiplies and adds: a separate multiply and add is twice
/// the instructions, and that kernel ran at the front end's limit (six per cycle on this Zen 4
/// processor), so whatever else shared the core slowed it. In L1 (`Benchmarks/microkernel.c`,
/// 20 rounds) the separate kernel gave 58 to 99 GFLOP/s from one second to the next, AVX2
/// fused 87 to 108, and AVX-512 fused 104 to 114, while OpenBLAS (AVX-512, fused) stayed
/// steady against our kernel of separate multiplies and adds, which swung by half.
///
/// A small product reads an operand in place instead, when its memory already has the order a
/// sliver needs: A when its rows are adjacent (a transposed matrix, such as the `Xᵀ` of a
/// weight gradient `Xᵀ·dY`: a sliver's six scalars for one `k` are consecutive), B when its
/// columns are (a row-major matrix: a sliver's row is two consecutive vectors). The
/// micro-kernel then steps through that operand by its stride instead of the packed width.
/// Only B's sliver at the right edge, short of columns, is still packed (zero-padded).
/// For a training step's products (a batch of 32 by a 64 × 128 layer), packing cost as much
/// as a third of the micro-kernel's work, since each packed value was used only a few times.
///
/// Threads take disjoint ranges of rows of C. Each element of C is the sum over the k-blocks
/// in order, each block's partial sum one chain of fused multiply-adds in a register lane from
/// the first `k` to the last. A fused multiply-add is exactly rounded, whether the processor
/// or the C library (`fma`, on a build without FMA instructions) computes it, and none of the
/// rest depends on the thread count, the tile's width, or whether an operand was packed or
/// read in place: results are byte-identical for any number of threads and for the default,
/// AVX2 and AVX-512 builds (`MatrixMultiplyArithmeticTests` states the sum exactly).
enum MatrixMultiplyKernel {
    /// Rows of a micro-tile.
    static let tileRows = 6
    /// Depth (`k`) of a packed block.
    static let depthBlock = 256
    /// Rows of a packed block of A, a whole number of slivers.
    static let rowBlock = 20 * tileRows
    /// Columns of a packed block of B.
    static let columnBlock = 2048
    /// The most multiply-adds (`m·n·k`) of a product that reads its operands in place where
    /// their layout allows: below it, packing is a large share of the work; above it, the
    /// packed blocks' contiguity (fewer cache lines and pages per sliver) pays for itself.
    static let inPlaceWork = 1 << 20

    /// Whether a product packs both operands (`always`), as large products do, or reads them in
    /// place where it can (`automatic`: when the product is below ``inPlaceWork``). Both give
    /// the same bytes; `always` is for the tests that check it.
    enum Packing: Sendable {
        case automatic
        case always
    }

    /// `C = A·B` in `Float`, on the kernel specialised for 8-lane vectors.
    static func multiplyFloat(
        rows m: Int, columns n: Int, depth k: Int, _ a: StridedMatrix<Float>,
        _ b: StridedMatrix<Float>, into c: UnsafeMutablePointer<Float>, threadCount: Int,
        packing: Packing = .automatic
    ) {
        multiply(
            FloatTileVector.self, rows: m, columns: n, depth: k, a, b, into: c,
            threadCount: threadCount, packing: packing)
    }

    /// `C = A·B` in `Double`, on the kernel specialised for 4-lane vectors.
    static func multiplyDouble(
        rows m: Int, columns n: Int, depth k: Int, _ a: StridedMatrix<Double>,
        _ b: StridedMatrix<Double>, into c: UnsafeMutablePointer<Double>, threadCount: Int,
        packing: Packing = .automatic
    ) {
        multiply(
            DoubleTileVector.self, rows: m, columns: n, depth: k, a, b, into: c,
            threadCount: threadCount, packing: packing)
    }

    /// `C = A·B` for an `m × k` A and a `k × n` B into a row-major `m × n` C.
    ///
    /// `Vector` fixes the scalar type and the tile width; it is ``FloatTileVector`` or
    /// ``DoubleTileVector``, and every call site names it, so this is always specialised.
    @inline(__always)
    static func multiply<Vector: SIMD>(
        _: Vector.Type, rows m: Int, columns n: Int, depth k: Int,
        _ a: StridedMatrix<Vector.Scalar>, _ b: StridedMatrix<Vector.Scalar>,
        into c: UnsafeMutablePointer<Vector.Scalar>, threadCount: Int, packing: Packing
    ) where Vector: Sendable, Vector.Scalar: BinaryFloatingPoint & Sendable {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            c.initialize(repeating: 0, count: m * n)
            return
        }
        let tileColumns = 2 * Vector.scalarCount
        let tiles = (m + tileRows - 1) / tileRows
        let workers = max(1, min(threadCount, tiles))
        let output = SharedPointer(c)
        let small = packing == .automatic && m * n * k <= inPlaceWork
        let (aInPlace, bInPlace) = (small && a.rowStride == 1, small && b.columnStride == 1)
        let depthCapacity = min(k, depthBlock)
        let sharedCapacity = depthCapacity * roundUp(min(n, columnBlock), tileColumns)
        // One task per worker for the whole product. On the worker pool, where every worker
        // runs at once, the workers pack each block of B together, a share of its slivers
        // each, into one of two buffers they all read, and wait for each other (one barrier
        // per block; the other buffer is the one the slowest worker may still be reading).
        // Elsewhere each packs its own copy of every block of B. A nested function, not a
        // closure value: run in place it needs no context on the heap.
        @Sendable func work(_ worker: Int, _ shared: SharedPacking<Vector.Scalar>?) {
            let firstTile = worker * tiles / workers
            let lastTile = (worker + 1) * tiles / workers
            // Both packed blocks once per worker, on 64-byte cache lines: a B sliver's row is
            // then one line, and neither of its two vector loads straddles two lines. An
            // operand read in place needs room for one edge sliver at most. A small product's
            // blocks lie on the stack, a large one's on the heap.
            let bColumns =
                shared != nil
                ? 0
                : bInPlace
                    ? (n % tileColumns == 0 ? 0 : tileColumns)
                    : roundUp(min(n, columnBlock), tileColumns)
            let aRows = aInPlace ? 0 : min(rowBlock, (lastTile - firstTile) * tileRows)
            withAlignedBuffer(Vector.Scalar.self, count: depthCapacity * bColumns) { ownB in
                withAlignedBuffer(Vector.Scalar.self, count: aRows * depthCapacity) { packedA in
                    var blockIndex = 0
                    for columnStart in stride(from: 0, to: n, by: columnBlock) {
                        let columns = min(columnBlock, n - columnStart)
                        for depthStart in stride(from: 0, to: k, by: depthBlock) {
                            let depth = min(depthBlock, k - depthStart)
                            var packedB = ownB
                            if let shared {
                                packedB = shared.buffers.pointer + blockIndex % 2 * shared.capacity
                                let slivers = (columns + tileColumns - 1) / tileColumns
                                let first = worker * slivers / workers * tileColumns
                                let last = min(
                                    columns, (worker + 1) * slivers / workers * tileColumns)
                                if first < last {
                                    packB(
                                        Vector.self, b, rows: depthStart, depth,
                                        columns: columnStart + first, last - first,
                                        into: packedB + first * depth)
                                }
                                shared.barrier()
                            } else if !bInPlace {
                                packB(
                                    Vector.self, b, rows: depthStart, depth, columns: columnStart,
                                    columns, into: packedB)
                            } else if columns % tileColumns != 0 {
                                let edge = columns - columns % tileColumns
                                packB(
                                    Vector.self, b, rows: depthStart, depth,
                                    columns: columnStart + edge, columns - edge, into: packedB)
                            }
                            blockIndex += 1
                            let block = Block(
                                columnStart: columnStart, columns: columns,
                                depthStart: depthStart, depth: depth, accumulate: depthStart > 0,
                                packedB: SharedPointer(packedB), aInPlace: aInPlace,
                                b: bInPlace ? b : nil)
                            multiplyRows(
                                Vector.self, from: firstTile * tileRows,
                                to: min(m, lastTile * tileRows), n: n, a, block,
                                packedA: packedA, output.pointer)
                        }
                    }
                }
            }
        }
        if workers == 1 {
            work(0, nil)
        } else if bInPlace || !concurrentWorkersMeet {
            runConcurrently(workers: workers) { worker, _ in work(worker, nil) }
        } else {
            withAlignedBuffer(Vector.Scalar.self, count: 2 * sharedCapacity) { buffers in
                let buffers = SharedPointer(buffers)
                runConcurrently(workers: workers) { worker, barrier in
                    work(
                        worker,
                        barrier.map {
                            SharedPacking(buffers: buffers, capacity: sharedCapacity, barrier: $0)
                        })
                }
            }
        }
    }

    /// The two buffers the workers of the pool pack B into together, and their barrier.
    struct SharedPacking<Scalar>: Sendable {
        let buffers: SharedPointer<Scalar>
        /// Scalars in each buffer; the second starts this far after the first.
        let capacity: Int
        let barrier: @Sendable () -> Void
    }

    /// Runs `body` with uninitialised memory for `count` scalars, starting on a 64-byte cache
    /// line: on the stack when it fits there, else on the heap.
    @inline(__always)
    static func withAlignedBuffer<Scalar, Result>(
        _: Scalar.Type, count: Int, _ body: (UnsafeMutablePointer<Scalar>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(
            byteCount: max(count, 1) * MemoryLayout<Scalar>.stride, alignment: 64
        ) { raw in
            body(raw.baseAddress!.bindMemory(to: Scalar.self, capacity: count))
        }
    }

    /// One k-block and column block of the product: where it lies and its packed B.
    struct Block<Scalar>: @unchecked Sendable {
        // @unchecked: packedB is written before the workers start and only read by them.
        let columnStart: Int
        let columns: Int
        let depthStart: Int
        let depth: Int
        let accumulate: Bool
        /// The packed block of B; with B read in place, its edge sliver only.
        let packedB: SharedPointer<Scalar>
        /// Whether A is read in place (its rows adjacent in memory) but for its edge slivers.
        let aInPlace: Bool
        /// B, when it is read in place (its columns adjacent in memory) but for its edge sliver.
        let b: StridedMatrix<Scalar>?
    }

    /// A pointer handed to worker threads, each of which touches a disjoint part of its memory.
    struct SharedPointer<Scalar>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Scalar>
        init(_ pointer: UnsafeMutablePointer<Scalar>) { self.pointer = pointer }
    }

    /// Rows `start..<end` of C for one block: pack A a row block at a time into `packedA`
    /// (room for ``rowBlock`` rows of the block's depth), then run the micro-kernel over every
    /// (A sliver, B sliver) pair. An operand read in place is never packed but for B's last
    /// sliver when it is short of columns (already in the block): a tile short of rows reads
    /// only the rows it has.
    @inline(__always)
    static func multiplyRows<Vector: SIMD>(
        _: Vector.Type, from start: Int, to end: Int, n: Int, _ a: StridedMatrix<Vector.Scalar>,
        _ block: Block<Vector.Scalar>, packedA: UnsafeMutablePointer<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>
    ) where Vector.Scalar: BinaryFloatingPoint {
        let tileColumns = 2 * Vector.scalarCount
        let fullColumns = block.columns - block.columns % tileColumns
        for rowStart in stride(from: start, to: end, by: rowBlock) {
            let rows = min(rowBlock, end - rowStart)
            if !block.aInPlace {
                packA(a, rows: rowStart, rows, depth: block.depthStart, block.depth, into: packedA)
            }
            for columnTile in stride(from: 0, to: block.columns, by: tileColumns) {
                var bSliver = UnsafePointer(block.packedB.pointer + columnTile * block.depth)
                var bStep = tileColumns
                if let b = block.b {
                    if columnTile < fullColumns {
                        bSliver =
                            b.base + block.depthStart * b.rowStride + block.columnStart
                            + columnTile
                        bStep = b.rowStride
                    } else {
                        bSliver = UnsafePointer(block.packedB.pointer)
                    }
                }
                for rowTile in stride(from: 0, to: rows, by: tileRows) {
                    var aSliver = UnsafePointer(packedA + rowTile * block.depth)
                    var aStep = tileRows
                    if block.aInPlace {
                        aSliver = a.base + rowStart + rowTile + block.depthStart * a.columnStride
                        aStep = a.columnStride
                    }
                    let tile = c + (rowStart + rowTile) * n + block.columnStart + columnTile
                    let validRows = min(tileRows, rows - rowTile)
                    let slivers = Slivers(a: aSliver, aStep: aStep, b: bSliver, bStep: bStep)
                    if columnTile < fullColumns {
                        if validRows == tileRows {
                            microKernel(
                                Vector.self, depth: block.depth, slivers, tile, n,
                                accumulate: block.accumulate)
                        } else {
                            shortKernel(
                                Vector.self, rows: validRows, depth: block.depth, slivers, tile, n,
                                accumulate: block.accumulate)
                        }
                    } else {
                        edgeTile(
                            Vector.self, depth: block.depth, slivers, tile, n, rows: validRows,
                            columns: block.columns - columnTile, accumulate: block.accumulate)
                    }
                }
            }
        }
    }
}
