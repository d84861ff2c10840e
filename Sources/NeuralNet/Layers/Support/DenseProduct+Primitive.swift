/// `Y = X·W` for inputs `[…, k]` and a weight matrix `[k, n]`, as one primitive whose
/// derivative rule reads the batch as rows (one product for `dW`, not one per example); the
/// layers use it instead of `matmul`.
extension Primitive {
    /// `Y = X·W`, the leading dimensions of `X` taken as rows; `dX = dY·Wᵀ`, `dW = Xᵀ·dY`.
    static func denseProduct(_ x: T, _ w: T) -> T {
        guard x.rank >= 1, w.rank == 2, x.shape[x.rank - 1] == w.shape[0] else {
            fatalError(
                "matmul: shapes \(x.shape) and \(w.shape) do not chain: \(x.shape.last ?? 0) "
                    + "columns against \(w.shape.first ?? 0) rows")
        }
        let (k, n) = (w.shape[0], w.shape[1])
        let rows = x.scalarCount / Swift.max(k, 1)
        let (xs, ws) = (x.scalars, w.scalars)
        let y = T(
            shape: Array(x.shape.dropLast()) + [n],
            scalars: MatrixMultiply.product(
                xs, .rowMajor(rows: rows, columns: k, batched: false), ws,
                .rowMajor(rows: k, columns: n, batched: false), m: rows, n: n, k: k),
            node: nil)
        let xShape = x.shape
        return record("denseProduct", [x, w], y) {
            [
                { dy in
                    T(
                        shape: xShape,
                        scalars: MatrixMultiply.product(
                            dy.scalars, .rowMajor(rows: rows, columns: n, batched: false), ws,
                            MatrixMultiply.Layout.rowMajor(rows: k, columns: n, batched: false)
                                .transposed, m: rows, n: k, k: n),
                        node: nil)
                },
                { dy in
                    T(
                        shape: [k, n],
                        scalars: MatrixMultiply.product(
                            xs,
                            MatrixMultiply.Layout.rowMajor(rows: rows, columns: k, batched: false)
                                .transposed, dy.scalars,
                            .rowMajor(rows: rows, columns: n, batched: false), m: k, n: n,
                            k: rows),
                        node: nil)
                },
            ]
        }
    }
}

/// `x·W` for `x` `[…, k]` and `W` `[k, n]`: the product every layer computes, on the
/// specialised kernel. Differentiable in both.
func denseProduct<Scalar>(_ x: Tensor<Scalar>, _ weight: Tensor<Scalar>) -> Tensor<Scalar> {
    Primitive.denseProduct(x, weight)
}
