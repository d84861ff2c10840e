/// Loops and products for the fused recurrent steps: plain arrays in row-major order, so a
/// step's forward and backward passes allocate a handful of arrays and record one node.
/// Specialised for `Float` and `Double`, like the library's other kernels.
enum RecurrentKernel {
    /// `op(A)·op(B)` for row-major `A` (`aRows × aColumns`) and `B`, either read transposed.
    static func product<Scalar: TensorScalar>(
        _ a: [Scalar], _ aRows: Int, _ aColumns: Int, transposingA: Bool = false,
        _ b: [Scalar], _ bRows: Int, _ bColumns: Int, transposingB: Bool = false
    ) -> [Scalar] {
        var aLayout = MatrixMultiply.Layout.rowMajor(rows: aRows, columns: aColumns, batched: false)
        var bLayout = MatrixMultiply.Layout.rowMajor(rows: bRows, columns: bColumns, batched: false)
        if transposingA { aLayout = aLayout.transposed }
        if transposingB { bLayout = bLayout.transposed }
        let (m, k) = transposingA ? (aColumns, aRows) : (aRows, aColumns)
        let n = transposingB ? bRows : bColumns
        return MatrixMultiply.product(a, aLayout, b, bLayout, m: m, n: n, k: k)
    }

    /// `x·W + h·U + b` for a batch: the pre-activations of every gate.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func affine<Scalar: TensorScalar>(
        _ x: [Scalar], _ w: [Scalar], _ h: [Scalar], _ u: [Scalar], _ b: [Scalar],
        batch: Int, inputSize: Int, hiddenSize: Int, width: Int
    ) -> [Scalar] {
        var z = product(x, batch, inputSize, w, inputSize, width)
        let recurrent = product(h, batch, hiddenSize, u, hiddenSize, width)
        addRows(&z, recurrent, b, width: width)
        return z
    }

    /// `z[n, j] += r[n, j] + b[j]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func addRows<Scalar: TensorScalar>(
        _ z: inout [Scalar], _ r: [Scalar], _ b: [Scalar], width: Int
    ) {
        guard width > 0 else { return }
        z.withUnsafeMutableBufferPointer { z in
            r.withUnsafeBufferPointer { r in
                b.withUnsafeBufferPointer { b in
                    for start in stride(from: 0, to: z.count, by: width) {
                        for column in 0..<width {
                            z[start + column] += r[start + column] + b[column]
                        }
                    }
                }
            }
        }
    }

    /// `z[n, j] += b[j]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func addBias<Scalar: TensorScalar>(_ z: inout [Scalar], _ b: [Scalar], width: Int) {
        guard width > 0 else { return }
        z.withUnsafeMutableBufferPointer { z in
            b.withUnsafeBufferPointer { b in
                for start in stride(from: 0, to: z.count, by: width) {
                    Accumulate(target: z.start + start, source: b.start).run(count: width)
                }
            }
        }
    }

    /// `target[j] += source[j]`, eight at a time.
    struct Accumulate<Element: TensorScalar>: LaneLoop {
        let target: UnsafeMutablePointer<Element>
        let source: UnsafePointer<Element>

        @inline(__always)
        func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element {
            (L(loading: target + j) + L(loading: source + j)).store(to: target + j)
        }
    }

    /// `a + b`, element by element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sum<Scalar: TensorScalar>(_ a: [Scalar], _ b: [Scalar]) -> [Scalar] {
        var result = a
        result.withUnsafeMutableBufferPointer { result in
            b.withUnsafeBufferPointer { b in
                for index in 0..<result.count { result[index] += b[index] }
            }
        }
        return result
    }

    /// `x` with `block` (`rows × block.count/rows`) written over its columns from `column`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func replacingColumns<Scalar: TensorScalar>(
        _ x: [Scalar], width: Int, from column: Int, with block: [Scalar], rows: Int
    ) -> [Scalar] {
        let blockWidth = rows == 0 ? 0 : block.count / rows
        var result = x
        for row in 0..<rows {
            for offset in 0..<blockWidth {
                result[row * width + column + offset] = block[row * blockWidth + offset]
            }
        }
        return result
    }

    /// The sum of each column of a `rows × columns` matrix: a bias's gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func columnSums<Scalar: TensorScalar>(_ x: [Scalar], columns: Int) -> [Scalar] {
        var sums = [Scalar](repeating: 0, count: columns)
        guard columns > 0 else { return sums }
        sums.withUnsafeMutableBufferPointer { sums in
            x.withUnsafeBufferPointer { x in
                for start in stride(from: 0, to: x.count, by: columns) {
                    Accumulate(target: sums.start, source: x.start + start).run(count: columns)
                }
            }
        }
        return sums
    }

    /// Columns `range` of a matrix `columns` wide.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func columns<Scalar: TensorScalar>(_ x: [Scalar], width: Int, _ range: Range<Int>)
        -> [Scalar]
    {
        let rows = width == 0 ? 0 : x.count / width
        var result: [Scalar] = []
        result.reserveCapacity(rows * range.count)
        for row in 0..<rows {
            result.append(
                contentsOf: x[(row * width + range.lowerBound)..<(row * width + range.upperBound)])
        }
        return result
    }

    /// An array of `count` scalars left as the allocator gave them, for a kernel that writes
    /// every element before reading it: zeroing megabytes that are overwritten at once was a
    /// tenth of a recurrent training step.
    @inline(__always)
    static func unfilled<Scalar: TensorScalar>(count: Int) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// `1 / (1 + e⁻ˣ)`.
    @inline(__always)
    static func sigmoid<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
        1 / (1 + Scalar.exp(-x))
    }
}

/// The loops of the whole-sequence recurrent primitives.
extension RecurrentKernel {
    /// `c += a·b` for row-major `a` (`rows × depth`), `b` (`depth × width`) and `c`
    /// (`rows × width`), the products of a recurrent step (`hₜ₋₁·U`, `δa·Uᵀ`).
    ///
    /// Each element of `c` gains its products in the order of `k`, one fused multiply-add
    /// each (exactly rounded, like the matrix multiply's kernel: half the instructions of a
    /// separate multiply and add), so the result does not depend on how the loop is
    /// vectorised or on the build's instruction set. Two rows by 32
    /// columns of `c` are held in registers over the whole of `k` (a loop that loaded and
    /// stored `c` for every `k` would wait on its own stores).
    @inline(__always)
    static func accumulateProduct<Scalar: TensorScalar>(
        _ a: UnsafePointer<Scalar>, rows: Int, depth: Int, _ b: UnsafePointer<Scalar>,
        width: Int, into c: UnsafeMutablePointer<Scalar>
    ) {
        if Scalar.self == Float.self {
            accumulateProduct(
                SIMD8<Float>.self, rebound(a), rows: rows, depth: depth, rebound(b), width: width,
                into: rebound(c))
        } else if Scalar.self == Double.self {
            accumulateProduct(
                SIMD4<Double>.self, rebound(a), rows: rows, depth: depth, rebound(b),
                width: width, into: rebound(c))
        } else {
            for row in 0..<rows {
                for column in 0..<width {
                    var sum = c[row * width + column]
                    for k in 0..<depth {
                        sum = sum.addingProduct(a[row * depth + k], b[k * width + column])
                    }
                    c[row * width + column] = sum
                }
            }
        }
    }

    /// ``accumulateProduct(_:rows:depth:_:width:into:)`` on `Vector`s: four vectors of
    /// columns for a pair of rows at a time, then single vectors, then single scalars, each
    /// doing the same additions in the same order.
    @inline(__always)
    static func accumulateProduct<Vector: SIMD>(
        _: Vector.Type, _ a: UnsafePointer<Vector.Scalar>, rows: Int, depth: Int,
        _ b: UnsafePointer<Vector.Scalar>, width: Int, into c: UnsafeMutablePointer<Vector.Scalar>
    ) where Vector.Scalar: BinaryFloatingPoint {
        let lanes = Vector.scalarCount
        @inline(__always) func load(_ pointer: UnsafePointer<Vector.Scalar>) -> Vector {
            UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
        }
        @inline(__always) func store(
            _ vector: Vector, _ pointer: UnsafeMutablePointer<Vector.Scalar>
        ) {
            UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
        }
        var row = 0
        while row + 2 <= rows {
            let (c0, c1) = (c + row * width, c + (row + 1) * width)
            let (a0, a1) = (a + row * depth, a + (row + 1) * depth)
            var column = 0
            while column + 4 * lanes <= width {
                var (x0, x1, x2, x3) = (
                    load(c0 + column), load(c0 + column + lanes), load(c0 + column + 2 * lanes),
                    load(c0 + column + 3 * lanes)
                )
                var (y0, y1, y2, y3) = (
                    load(c1 + column), load(c1 + column + lanes), load(c1 + column + 2 * lanes),
                    load(c1 + column + 3 * lanes)
                )
                for k in 0..<depth {
                    let source = b + k * width + column
                    let (b0, b1, b2, b3) = (
                        load(source), load(source + lanes), load(source + 2 * lanes),
                        load(source + 3 * lanes)
                    )
                    let (s0, s1) = (Vector(repeating: a0[k]), Vector(repeating: a1[k]))
                    x0 = x0.addingProduct(s0, b0)
                    x1 = x1.addingProduct(s0, b1)
                    x2 = x2.addingProduct(s0, b2)
                    x3 = x3.addingProduct(s0, b3)
                    y0 = y0.addingProduct(s1, b0)
                    y1 = y1.addingProduct(s1, b1)
                    y2 = y2.addingProduct(s1, b2)
                    y3 = y3.addingProduct(s1, b3)
                }
                store(x0, c0 + column)
                store(x1, c0 + column + lanes)
                store(x2, c0 + column + 2 * lanes)
                store(x3, c0 + column + 3 * lanes)
                store(y0, c1 + column)
                store(y1, c1 + column + lanes)
                store(y2, c1 + column + 2 * lanes)
                store(y3, c1 + column + 3 * lanes)
                column += 4 * lanes
            }
            accumulateColumns(
                Vector.self, a0, depth: depth, b, width: width, into: c0, from: column)
            accumulateColumns(
                Vector.self, a1, depth: depth, b, width: width, into: c1, from: column)
            row += 2
        }
        if row < rows {
            accumulateColumns(
                Vector.self, a + row * depth, depth: depth, b, width: width, into: c + row * width,
                from: 0)
        }
    }

    /// One row of ``accumulateProduct(_:rows:depth:_:width:into:)``, from column `start`.
    @inline(__always)
    static func accumulateColumns<Vector: SIMD>(
        _: Vector.Type, _ a: UnsafePointer<Vector.Scalar>, depth: Int,
        _ b: UnsafePointer<Vector.Scalar>, width: Int, into c: UnsafeMutablePointer<Vector.Scalar>,
        from start: Int
    ) where Vector.Scalar: BinaryFloatingPoint {
        let lanes = Vector.scalarCount
        var column = start
        while column + lanes <= width {
            var sum = UnsafeRawPointer(c + column).loadUnaligned(as: Vector.self)
            for k in 0..<depth {
                sum = sum.addingProduct(
                    Vector(repeating: a[k]),
                    UnsafeRawPointer(b + k * width + column).loadUnaligned(as: Vector.self))
            }
            UnsafeMutableRawPointer(c + column).storeBytes(of: sum, as: Vector.self)
            column += lanes
        }
        while column < width {
            var sum = c[column]
            for k in 0..<depth { sum = sum.addingProduct(a[k], b[k * width + column]) }
            c[column] = sum
            column += 1
        }
    }

    /// `[first, second, width]` to `[second, first, width]`: batch-first to time-major and back.
    /// A slice, so a part of an array (the states after `h₀`) needs no copy first.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func swappingLeadingAxes<Scalar: TensorScalar>(
        _ x: ArraySlice<Scalar>, _ first: Int, _ second: Int, width: Int
    ) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: x.count) { result, initialized in
            x.withUnsafeBufferPointer { x in
                for i in 0..<first {
                    for j in 0..<second {
                        let source = x.start + (i * second + j) * width
                        (result.start + (j * first + i) * width).initialize(
                            from: source, count: width)
                    }
                }
            }
            initialized = x.count
        }
    }

    /// The `columns × rows` transpose of a row-major `rows × columns` matrix.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func transposed<Scalar: TensorScalar>(_ x: [Scalar], rows: Int, columns: Int)
        -> [Scalar]
    {
        swappingLeadingAxes(x[...], rows, columns, width: 1)
    }

    /// `σ` applied in place to `count` scalars: eight at a time for `Float`
    /// (``VectorMath``), through the C library for other types.
    @inline(__always)
    static func applySigmoid<Scalar: TensorScalar>(
        _ start: UnsafeMutablePointer<Scalar>, count: Int
    ) {
        if Scalar.self == Float.self {
            VectorMath.apply(VectorMath.sigmoid, to: rebound(start), count: count)
        } else {
            for index in 0..<count { start[index] = sigmoid(start[index]) }
        }
    }

    /// `tanh` applied in place to `count` scalars, like ``applySigmoid(_:count:)``.
    @inline(__always)
    static func applyTanh<Scalar: TensorScalar>(_ start: UnsafeMutablePointer<Scalar>, count: Int) {
        if Scalar.self == Float.self {
            VectorMath.apply(VectorMath.tanh, to: rebound(start), count: count)
        } else {
            for index in 0..<count { start[index] = Scalar.tanh(start[index]) }
        }
    }

    /// The same memory seen as `Target`, once the caller has checked that it holds `Target`s.
    @inline(__always)
    private static func rebound<Scalar, Target>(_ pointer: UnsafeMutablePointer<Scalar>)
        -> UnsafeMutablePointer<Target>
    {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Target.self)
    }

    /// The same memory seen as `Target`, once the caller has checked that it holds `Target`s.
    @inline(__always)
    private static func rebound<Scalar, Target>(_ pointer: UnsafePointer<Scalar>)
        -> UnsafePointer<Target>
    {
        UnsafeRawPointer(pointer).assumingMemoryBound(to: Target.self)
    }
}
