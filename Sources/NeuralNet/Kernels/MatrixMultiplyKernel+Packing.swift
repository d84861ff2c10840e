/// Packing: copying blocks of the operands into the order the micro-kernel reads them.
///
/// A sliver of A is `tileRows` rows stored column after column, so one step of the
/// micro-kernel reads `tileRows` consecutive scalars; a sliver of B is a vector pair wide,
/// stored row after row, so one step reads two consecutive vectors. Missing rows or columns at
/// the edges are zeros, which add nothing to the product.
extension MatrixMultiplyKernel {
    /// Copies rows `rowStart..<rowStart+rows`, columns `depthStart..<depthStart+depth` of A
    /// into slivers of `tileRows` rows, each stored column by column; missing rows are zeros.
    @inline(__always)
    static func packA<Scalar: BinaryFloatingPoint>(
        _ a: StridedMatrix<Scalar>, rows rowStart: Int, _ rows: Int, depth depthStart: Int,
        _ depth: Int, into packed: UnsafeMutablePointer<Scalar>
    ) {
        for sliverStart in stride(from: 0, to: rows, by: tileRows) {
            let sliver = packed + sliverStart * depth
            let valid = min(tileRows, rows - sliverStart)
            if valid < tileRows {
                sliver.initialize(repeating: 0, count: tileRows * depth)
            }
            // Read along A's contiguous direction: a whole sliver's six rows side by side,
            // writing the packed sliver strictly in order, when its rows are contiguous (A
            // itself); column by column when its columns are (a transposed A).
            if a.columnStride == 1 && valid == tileRows {
                let row0 = a.base + (rowStart + sliverStart) * a.rowStride + depthStart
                let (row1, row2) = (row0 + a.rowStride, row0 + 2 * a.rowStride)
                let (row3, row4) = (row0 + 3 * a.rowStride, row0 + 4 * a.rowStride)
                let row5 = row0 + 5 * a.rowStride
                var target = sliver
                for p in 0..<depth {
                    target[0] = row0[p]
                    target[1] = row1[p]
                    target[2] = row2[p]
                    target[3] = row3[p]
                    target[4] = row4[p]
                    target[5] = row5[p]
                    target += tileRows
                }
            } else if a.columnStride == 1 {
                for r in 0..<valid {
                    let source = a.base + (rowStart + sliverStart + r) * a.rowStride + depthStart
                    for p in 0..<depth { sliver[p * tileRows + r] = source[p] }
                }
            } else if a.rowStride == 1 && valid == tileRows {
                // A transposed matrix: a sliver's six scalars for one `p` are consecutive.
                var source = a.base + rowStart + sliverStart + depthStart * a.columnStride
                var target = sliver
                for _ in 0..<depth {
                    target.update(from: source, count: tileRows)
                    source += a.columnStride
                    target += tileRows
                }
            } else {
                for p in 0..<depth {
                    let source =
                        a.base + (rowStart + sliverStart) * a.rowStride
                        + (depthStart + p) * a.columnStride
                    for r in 0..<valid { sliver[p * tileRows + r] = source[r * a.rowStride] }
                }
            }
        }
    }

    /// Copies rows `depthStart..<depthStart+depth`, columns `columnStart..<+columns` of B into
    /// slivers two vectors wide, each stored row by row; missing columns are zeros.
    @inline(__always)
    static func packB<Vector: SIMD>(
        _: Vector.Type, _ b: StridedMatrix<Vector.Scalar>, rows depthStart: Int, _ depth: Int,
        columns columnStart: Int, _ columns: Int, into packed: UnsafeMutablePointer<Vector.Scalar>
    ) where Vector.Scalar: BinaryFloatingPoint {
        let vector = Vector.scalarCount
        let width = 2 * vector
        for sliverStart in stride(from: 0, to: columns, by: width) {
            let sliver = packed + sliverStart * depth
            let valid = min(width, columns - sliverStart)
            if valid < width {
                sliver.initialize(repeating: 0, count: width * depth)
            }
            if b.columnStride == 1 && valid == width {
                // A whole sliver row is two vectors: copied as such, not through memcpy.
                var source = UnsafeRawPointer(
                    b.base + depthStart * b.rowStride + columnStart + sliverStart)
                let rowBytes = b.rowStride * MemoryLayout<Vector.Scalar>.stride
                var target = UnsafeMutableRawPointer(sliver)
                let vectorBytes = vector * MemoryLayout<Vector.Scalar>.stride
                for _ in 0..<depth {
                    target.storeBytes(of: source.loadUnaligned(as: Vector.self), as: Vector.self)
                    target.storeBytes(
                        of: (source + vectorBytes).loadUnaligned(as: Vector.self),
                        toByteOffset: vectorBytes, as: Vector.self)
                    source += rowBytes
                    target += 2 * vectorBytes
                }
            } else if b.columnStride == 1 {
                for p in 0..<depth {
                    let source =
                        b.base + (depthStart + p) * b.rowStride + columnStart + sliverStart
                    (sliver + p * width).initialize(from: source, count: valid)
                }
            } else if b.rowStride == 1 {
                // A transposed matrix: each column's `depth` scalars are consecutive.
                for column in 0..<valid {
                    let source =
                        b.base + depthStart + (columnStart + sliverStart + column) * b.columnStride
                    for p in 0..<depth { sliver[p * width + column] = source[p] }
                }
            } else {
                for column in 0..<valid {
                    let source =
                        b.base + depthStart * b.rowStride
                        + (columnStart + sliverStart + column) * b.columnStride
                    for p in 0..<depth { sliver[p * width + column] = source[p * b.rowStride] }
                }
            }
        }
    }

    /// `value` rounded up to a multiple of `multiple`.
    static func roundUp(_ value: Int, _ multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}
