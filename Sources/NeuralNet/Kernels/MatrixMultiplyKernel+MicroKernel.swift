/// The micro-kernel: one tile of C from one sliver of A and one of B, held in registers.
extension MatrixMultiplyKernel {
    /// Where a tile's slivers start and how far apart their scalars for consecutive `p` lie.
    ///
    /// A sliver's `tileRows` scalars for one `p` are consecutive and the next `p`'s are `aStep`
    /// further on (``tileRows`` when packed); B's two vectors likewise, `bStep` apart.
    struct Slivers<Scalar> {
        let a: UnsafePointer<Scalar>
        let aStep: Int
        let b: UnsafePointer<Scalar>
        let bStep: Int
    }

    /// A tile at the right edge, short of columns: computed into a scratch tile (B's edge
    /// sliver is zero-padded), of which the valid part is then stored.
    @inline(__always)
    static func edgeTile<Vector: SIMD>(
        _: Vector.Type, depth: Int, _ slivers: Slivers<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>, _ rowStride: Int, rows: Int, columns: Int,
        accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        let tileColumns = 2 * Vector.scalarCount
        withUnsafeTemporaryAllocation(of: Vector.Scalar.self, capacity: tileRows * tileColumns) {
            scratch in
            let tile = scratch.baseAddress!
            if rows == tileRows {
                microKernel(
                    Vector.self, depth: depth, slivers, tile, tileColumns, accumulate: false)
            } else {
                shortKernel(
                    Vector.self, rows: rows, depth: depth, slivers, tile, tileColumns,
                    accumulate: false)
            }
            for row in 0..<rows {
                let (source, target) = (tile + row * tileColumns, c + row * rowStride)
                if accumulate {
                    for column in 0..<columns { target[column] = target[column] + source[column] }
                } else {
                    target.update(from: source, count: columns)
                }
            }
        }
    }

    /// The micro-kernel: a `tileRows` × 2-vector tile of C, `C (+)= Σₚ a[:, p] ⊗ b[p, :]`.
    ///
    /// Never inlined: compiled on its own, its live vectors stay in registers.
    @inline(never)
    static func microKernel<Vector: SIMD>(
        _: Vector.Type, depth: Int, _ slivers: Slivers<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>, _ rowStride: Int, accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        tile(Vector.self, rows: tileRows, depth: depth, slivers, c, rowStride, accumulate)
    }

    /// The micro-kernel for a tile of fewer than ``tileRows`` rows (1 to 5), at the bottom
    /// edge: it reads and computes only those rows, each element by the same operations as
    /// the full tile's.
    @inline(never)
    static func shortKernel<Vector: SIMD>(
        _: Vector.Type, rows: Int, depth: Int, _ slivers: Slivers<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>, _ rowStride: Int, accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        switch rows {
        case 1: tile(Vector.self, rows: 1, depth: depth, slivers, c, rowStride, accumulate)
        case 2: tile(Vector.self, rows: 2, depth: depth, slivers, c, rowStride, accumulate)
        case 3: tile(Vector.self, rows: 3, depth: depth, slivers, c, rowStride, accumulate)
        case 4: tile(Vector.self, rows: 4, depth: depth, slivers, c, rowStride, accumulate)
        default: tile(Vector.self, rows: 5, depth: depth, slivers, c, rowStride, accumulate)
        }
    }

    /// The tile's loop for `rows` rows (1 to ``tileRows``, a constant at every call, so that
    /// the rows beyond it vanish from the compiled loop): one broadcast of A and two vector
    /// loads of B for each step along `k`, then the rows stored (or added to C).
    @inline(__always)
    private static func tile<Vector: SIMD>(
        _: Vector.Type, rows: Int, depth: Int, _ slivers: Slivers<Vector.Scalar>,
        _ c: UnsafeMutablePointer<Vector.Scalar>, _ rowStride: Int, _ accumulate: Bool
    ) where Vector.Scalar: BinaryFloatingPoint {
        let width = Vector.scalarCount
        var (c00, c01, c10, c11, c20, c21) = (
            Vector(), Vector(), Vector(), Vector(), Vector(), Vector()
        )
        var (c30, c31, c40, c41) = (Vector(), Vector(), Vector(), Vector())
        var (c50, c51) = (Vector(), Vector())
        var (aNext, bNext) = (slivers.a, slivers.b)
        let (aStep, bStep) = (slivers.aStep, slivers.bStep)
        for _ in 0..<depth {
            let b0 = UnsafeRawPointer(bNext).loadUnaligned(as: Vector.self)
            let b1 = UnsafeRawPointer(bNext + width).loadUnaligned(as: Vector.self)
            var broadcast = Vector(repeating: aNext[0])
            c00 = c00.addingProduct(broadcast, b0)
            c01 = c01.addingProduct(broadcast, b1)
            if rows > 1 {
                broadcast = Vector(repeating: aNext[1])
                c10 = c10.addingProduct(broadcast, b0)
                c11 = c11.addingProduct(broadcast, b1)
            }
            if rows > 2 {
                broadcast = Vector(repeating: aNext[2])
                c20 = c20.addingProduct(broadcast, b0)
                c21 = c21.addingProduct(broadcast, b1)
            }
            if rows > 3 {
                broadcast = Vector(repeating: aNext[3])
                c30 = c30.addingProduct(broadcast, b0)
                c31 = c31.addingProduct(broadcast, b1)
            }
            if rows > 4 {
                broadcast = Vector(repeating: aNext[4])
                c40 = c40.addingProduct(broadcast, b0)
                c41 = c41.addingProduct(broadcast, b1)
            }
            if rows > 5 {
                broadcast = Vector(repeating: aNext[5])
                c50 = c50.addingProduct(broadcast, b0)
                c51 = c51.addingProduct(broadcast, b1)
            }
            aNext += aStep
            bNext += bStep
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
        if rows > 1 { store(1, c10, c11) }
        if rows > 2 { store(2, c20, c21) }
        if rows > 3 { store(3, c30, c31) }
        if rows > 4 { store(4, c40, c41) }
        if rows > 5 { store(5, c50, c51) }
    }
}
