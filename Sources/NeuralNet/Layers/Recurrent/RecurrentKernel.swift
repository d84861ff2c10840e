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
        return SpecializedProduct.product(a, aLayout, b, bLayout, m: m, n: n, k: k)
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
        z.withUnsafeMutableBufferPointer { z in
            for index in 0..<z.count { z[index] += r[index] + b[index % width] }
        }
    }

    /// `z[n, j] += b[j]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func addBias<Scalar: TensorScalar>(_ z: inout [Scalar], _ b: [Scalar], width: Int) {
        z.withUnsafeMutableBufferPointer { z in
            for index in 0..<z.count { z[index] += b[index % width] }
        }
    }

    /// The sum of each column of a `rows × columns` matrix: a bias's gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func columnSums<Scalar: TensorScalar>(_ x: [Scalar], columns: Int) -> [Scalar] {
        var sums = [Scalar](repeating: 0, count: columns)
        for (index, value) in x.enumerated() { sums[index % columns] += value }
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

    /// `1 / (1 + e⁻ˣ)`.
    @inline(__always)
    static func sigmoid<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
        1 / (1 + Scalar.exp(-x))
    }
}
