import Dispatch

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
/// - `m` is cut into blocks of ``rowBlock`` rows; each is packed into slivers ``tileRows`` = 5 rows
///   tall, stored column after column, and stays in the L2 cache while every B sliver passes.
/// - The *micro-kernel* multiplies one A sliver by one B sliver: a 5 × `nr` tile of C held in
///   ten SIMD registers (`nr` is two vectors wide: 16 `Float`s or 8 `Double`s), updated by
///   one broadcast of A and two vector loads of B for each step along `k`. Ten accumulators,
///   two B vectors, a broadcast and a product fit the 16 vector registers of x86-64; six
///   rows (twelve accumulators, as in BLIS's FMA kernels) spill without fused multiply-add.
///
/// Threads take disjoint ranges of rows of C. Each element of C is the sum over the k-blocks
/// in order, each block's partial sum accumulated in a register lane from the first `k` to the
/// last, with separate multiplies and adds (never a fused multiply-add). None of that depends
/// on the thread count, so results are byte-identical for any number of threads, and the same
/// with or without wider vector instructions.
enum MatrixMultiplyKernel {
    /// Rows of a micro-tile.
    static let tileRows = 5
    /// Depth (`k`) of a packed block.
    static let depthBlock = 256
    /// Rows of a packed block of A, a whole number of slivers.
    static let rowBlock = 20 * tileRows
    /// Columns of a packed block of B.
    static let columnBlock = 2048

    /// `C = A·B` in `Float`, on the kernel specialised for 8-lane vectors.
    static func multiplyFloat(
        rows m: Int, columns n: Int, depth k: Int, _ a: StridedMatrix<Float>,
        _ b: StridedMatrix<Float>, into c: UnsafeMutablePointer<Float>, threadCount: Int
    ) {
        multiply(
            SIMD8<Float>.self, rows: m, columns: n, depth: k, a, b, into: c,
            threadCount: threadCount)
    }

    /// `C = A·B` in `Double`, on the kernel specialised for 4-lane vectors.
    static func multiplyDouble(
        rows m: Int, columns n: Int, depth k: Int, _ a: StridedMatrix<Double>,
        _ b: StridedMatrix<Double>, into c: UnsafeMutablePointer<Double>, threadCount: Int
    ) {
        multiply(
            SIMD4<Double>.self, rows: m, columns: n, depth: k, a, b, into: c,
            threadCount: threadCount)
    }

    /// `C = A·B` for an `m × k` A and a `k × n` B into a row-major `m × n` C.
    ///
    /// `Vector` fixes the scalar type and the tile width; it is `SIMD8<Float>` or
    /// `SIMD4<Double>`, and every call site names it, so this is always specialised.
    @inline(__always)
    static func multiply<Vector: SIMD>(
        _: Vector.Type, rows m: Int, columns n: Int, depth k: Int,
        _ a: StridedMatrix<Vector.Scalar>, _ b: StridedMatrix<Vector.Scalar>,
        into c: UnsafeMutablePointer<Vector.Scalar>, threadCount: Int
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
        // One task per worker for the whole product: each packs its own copy of every block
        // of B (a small fraction of its work) rather than waiting at a barrier per block.
        let work: @Sendable (Int) -> Void = { worker in
            let firstTile = worker * tiles / workers
            let lastTile = (worker + 1) * tiles / workers
            // Both packed blocks once per worker, on 64-byte cache lines: a B sliver's row is
            // then one line, and neither of its two vector loads straddles two lines.
            let packedB = alignedBuffer(
                Vector.Scalar.self, count: depthBlock * roundUp(min(n, columnBlock), tileColumns))
            defer { packedB.deallocate() }
            let packedA = alignedBuffer(
                Vector.Scalar.self, count: rowBlock * min(k, depthBlock))
            defer { packedA.deallocate() }
            for columnStart in stride(from: 0, to: n, by: columnBlock) {
                let columns = min(columnBlock, n - columnStart)
                for depthStart in stride(from: 0, to: k, by: depthBlock) {
                    let depth = min(depthBlock, k - depthStart)
                    packB(
                        Vector.self, b, rows: depthStart, depth, columns: columnStart, columns,
                        into: packedB)
                    let block = Block(
                        columnStart: columnStart, columns: columns, depthStart: depthStart,
                        depth: depth, accumulate: depthStart > 0, packedB: SharedPointer(packedB))
                    multiplyRows(
                        Vector.self, from: firstTile * tileRows,
                        to: min(m, lastTile * tileRows), n: n, a, block, packedA: packedA,
                        output.pointer)
                }
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
    }

    /// Uninitialised memory for `count` scalars, starting on a 64-byte cache line.
    static func alignedBuffer<Scalar>(_: Scalar.Type, count: Int) -> UnsafeMutablePointer<Scalar> {
        UnsafeMutableRawPointer.allocate(
            byteCount: count * MemoryLayout<Scalar>.stride, alignment: 64
        )
        .bindMemory(to: Scalar.self, capacity: count)
    }

    /// One k-block and column block of the product: where it lies and its packed B.
    struct Block<Scalar>: @unchecked Sendable {
        // @unchecked: packedB is written before the workers start and only read by them.
        let columnStart: Int
        let columns: Int
        let depthStart: Int
        let depth: Int
        let accumulate: Bool
        let packedB: SharedPointer<Scalar>
    }

    /// A pointer handed to worker threads, each of which touches a disjoint part of its memory.
    struct SharedPointer<Scalar>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Scalar>
        init(_ pointer: UnsafeMutablePointer<Scalar>) { self.pointer = pointer }
    }

    /// Rows `start..<end` of C for one block: pack A a row block at a time into `packedA`
    /// (room for ``rowBlock`` rows of the block's depth), then run the micro-kernel over every
    /// (A sliver, B sliver) pair.
    @inline(__always)
    static func multiplyRows<Vector: SIMD>(
        _: Vector.Type, from start: Int, to end: Int, n: Int, _ a: StridedMatrix<Vector.Scalar>,
        _ block: Block<Vector.Scalar>, packedA: UnsafeMutablePointer<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>
    ) where Vector.Scalar: BinaryFloatingPoint {
        let tileColumns = 2 * Vector.scalarCount
        for rowStart in stride(from: start, to: end, by: rowBlock) {
            let rows = min(rowBlock, end - rowStart)
            packA(a, rows: rowStart, rows, depth: block.depthStart, block.depth, into: packedA)
            for columnTile in stride(from: 0, to: block.columns, by: tileColumns) {
                let bSliver = block.packedB.pointer + columnTile * block.depth
                for rowTile in stride(from: 0, to: rows, by: tileRows) {
                    let aSliver = packedA + rowTile * block.depth
                    let tile = c + (rowStart + rowTile) * n + block.columnStart + columnTile
                    let validRows = min(tileRows, rows - rowTile)
                    let validColumns = min(tileColumns, block.columns - columnTile)
                    if validRows == tileRows && validColumns == tileColumns {
                        microKernel(
                            Vector.self, depth: block.depth, aSliver, bSliver, tile, n,
                            accumulate: block.accumulate)
                    } else {
                        edgeTile(
                            Vector.self, depth: block.depth, aSliver, bSliver, tile, n,
                            rows: validRows, columns: validColumns, accumulate: block.accumulate)
                    }
                }
            }
        }
    }

    /// A tile at the bottom or right edge: computed whole into a scratch tile (the packed
    /// slivers are zero-padded), of which the valid part is then stored.
    @inline(__always)
    static func edgeTile<Vector: SIMD>(
        _: Vector.Type, depth: Int, _ a: UnsafePointer<Vector.Scalar>,
        _ b: UnsafePointer<Vector.Scalar>, _ c: UnsafeMutablePointer<Vector.Scalar>,
        _ rowStride: Int, rows: Int, columns: Int, accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        let tileColumns = 2 * Vector.scalarCount
        withUnsafeTemporaryAllocation(of: Vector.Scalar.self, capacity: tileRows * tileColumns) {
            scratch in
            let tile = scratch.baseAddress!
            microKernel(Vector.self, depth: depth, a, b, tile, tileColumns, accumulate: false)
            for row in 0..<rows {
                for column in 0..<columns {
                    let value = tile[row * tileColumns + column]
                    let target = c + row * rowStride + column
                    target.pointee = accumulate ? target.pointee + value : value
                }
            }
        }
    }

    /// The micro-kernel: a `tileRows` × 2-vector tile of C, `C (+)= Σₚ a[:, p] ⊗ b[p, :]`.
    ///
    /// Never inlined: compiled on its own, its live vectors stay in registers.
    @inline(never)
    static func microKernel<Vector: SIMD>(
        _: Vector.Type, depth: Int, _ a: UnsafePointer<Vector.Scalar>,
        _ b: UnsafePointer<Vector.Scalar>, _ c: UnsafeMutablePointer<Vector.Scalar>,
        _ rowStride: Int, accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        let width = Vector.scalarCount
        var (c00, c01, c10, c11, c20, c21) = (
            Vector(), Vector(), Vector(), Vector(), Vector(), Vector()
        )
        var (c30, c31, c40, c41) = (Vector(), Vector(), Vector(), Vector())
        var (aNext, bNext) = (a, b)
        for _ in 0..<depth {
            let b0 = UnsafeRawPointer(bNext).loadUnaligned(as: Vector.self)
            let b1 = UnsafeRawPointer(bNext + width).loadUnaligned(as: Vector.self)
            var broadcast = Vector(repeating: aNext[0])
            c00 += broadcast * b0
            c01 += broadcast * b1
            broadcast = Vector(repeating: aNext[1])
            c10 += broadcast * b0
            c11 += broadcast * b1
            broadcast = Vector(repeating: aNext[2])
            c20 += broadcast * b0
            c21 += broadcast * b1
            broadcast = Vector(repeating: aNext[3])
            c30 += broadcast * b0
            c31 += broadcast * b1
            broadcast = Vector(repeating: aNext[4])
            c40 += broadcast * b0
            c41 += broadcast * b1
            aNext += tileRows
            bNext += 2 * width
        }
        @inline(__always)
        func store(_ row: Int, _ left: Vector, _ right: Vector) {
            let start = UnsafeMutableRawPointer(c + row * rowStride)
            let middle = UnsafeMutableRawPointer(c + row * rowStride + width)
            if accumulate {
                start.storeBytes(of: start.loadUnaligned(as: Vector.self) + left, as: Vector.self)
                middle.storeBytes(
                    of: middle.loadUnaligned(as: Vector.self) + right, as: Vector.self)
            } else {
                start.storeBytes(of: left, as: Vector.self)
                middle.storeBytes(of: right, as: Vector.self)
            }
        }
        store(0, c00, c01)
        store(1, c10, c11)
        store(2, c20, c21)
        store(3, c30, c31)
        store(4, c40, c41)
    }
}
