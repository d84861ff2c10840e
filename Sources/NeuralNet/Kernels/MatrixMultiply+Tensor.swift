/// Matrix products of tensors: shapes checked, batches lined up, layouts chosen.
extension MatrixMultiply {
    /// `A·B` (or `A·Bᵀ`) for tensors of shape `[…, m, k]` and `[…, k, n]` (`[…, n, k]`).
    ///
    /// Leading (batch) dimensions must be equal, or one operand must be a plain matrix, which
    /// is then used with every matrix of the other.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func multiply<Scalar: TensorScalar>(
        _ a: Tensor<Scalar>, _ b: Tensor<Scalar>, transposingRight: Bool = false,
        settings: ComputeSettings
    ) -> Tensor<Scalar> {
        guard a.rank >= 2, b.rank >= 2 else {
            fatalError(
                "matmul: shapes \(a.shape) and \(b.shape); both operands need at least two "
                    + "dimensions (use reshaped(to:) to make a vector a 1 × n matrix)")
        }
        let (m, k) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
        let (bRows, bColumns) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        let (depth, n) = transposingRight ? (bColumns, bRows) : (bRows, bColumns)
        guard k == depth else {
            fatalError(
                "matmul: shapes \(a.shape) and \(b.shape)\(transposingRight ? " (transposed)" : "")"
                    + " do not chain: \(k) columns against \(depth) rows")
        }
        let batchShape = batchShape(a.shape, b.shape)
        let batch = batchShape.reduce(1, *)
        var bLayout = Layout.rowMajor(rows: bRows, columns: bColumns, batched: b.rank > 2)
        if transposingRight { bLayout = bLayout.transposed }
        let scalars = product(
            a.scalars, .rowMajor(rows: m, columns: k, batched: a.rank > 2), b.scalars, bLayout,
            batch: batch, m: m, n: n, k: k, settings: settings)
        return Tensor(shape: batchShape + [m, n], scalars: scalars, node: nil)
    }

    /// `Aᵀ·dY`, the gradient of `A·B` with respect to `B` of shape `bShape` (`[…, k, n]`),
    /// given `A` of shape `[…, m, k]` and `dY` of shape `[…, m, n]`.
    ///
    /// When `B` is a plain matrix shared by a batch, the batch's products are summed by
    /// treating the batch as extra rows: `Σᵢ Aᵢᵀ·dYᵢ = [A₁; A₂; …]ᵀ·[dY₁; dY₂; …]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func multiplyTransposingLeft<Scalar: TensorScalar>(
        _ a: Tensor<Scalar>, _ dy: Tensor<Scalar>, into bShape: [Int], settings: ComputeSettings
    ) -> Tensor<Scalar> {
        let (m, k, n) = (a.shape[a.rank - 2], a.shape[a.rank - 1], dy.shape[dy.rank - 1])
        if bShape.count > 2 {
            let batch = bShape.dropLast(2).reduce(1, *)
            let scalars = product(
                a.scalars, Layout.rowMajor(rows: m, columns: k, batched: a.rank > 2).transposed,
                dy.scalars, .rowMajor(rows: m, columns: n, batched: true),
                batch: batch, m: k, n: n, k: m, settings: settings)
            return Tensor(shape: bShape, scalars: scalars, node: nil)
        }
        let rows = a.shape.dropLast().reduce(1, *)
        let scalars = product(
            a.scalars, Layout.rowMajor(rows: rows, columns: k, batched: false).transposed,
            dy.scalars, .rowMajor(rows: rows, columns: n, batched: false),
            batch: 1, m: k, n: n, k: rows, settings: settings)
        return Tensor(shape: [k, n], scalars: scalars, node: nil)
    }

    /// The batch shape of a product: the leading dimensions both operands share.
    static func batchShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let (left, right) = (Array(a.dropLast(2)), Array(b.dropLast(2)))
        if left.isEmpty { return right }
        if right.isEmpty || left == right { return left }
        fatalError(
            "matmul: shapes \(a) and \(b) have different batch dimensions \(left) and \(right);"
                + " they must be equal, or one operand must be a plain matrix")
    }
}
