/// Max and average pooling as differentiable primitives, recorded like those of
/// `Autodiff/Primitives.swift`.
extension Primitive {
    /// `y = max` of each window, and the flat input index of each maximum; the gradient goes
    /// to the element that was the maximum.
    static func maxPool(_ x: T, _ geometry: ConvolutionGeometry) -> (output: T, indices: [Int]) {
        let (values, indices) = PoolingKernel.maximum(x.scalars, geometry)
        let y = T(shape: pooledShape(geometry), scalars: values, node: nil)
        let count = x.scalarCount
        let shape = x.shape
        let output = record("maxPool", [x], y) {
            [
                { dy in
                    T(
                        shape: shape,
                        scalars: PoolingKernel.maximumGradient(
                            dy.scalars, indices: indices, inputCount: count),
                        node: nil)
                }
            ]
        }
        return (output, indices)
    }

    /// `y` = zeros of `shape` with `y[indices[k]] = values[k]` (the last `k` wins where
    /// indices repeat); `dvalues[k] = dy[indices[k]]` for the `k` that was written, else 0.
    static func maxUnpool(_ values: T, indices: [Int], shape: [Int]) -> T {
        let count = shape.reduce(1, *)
        guard indices.count == values.scalarCount else {
            fatalError(
                "maxUnpool(_:indices:shape:): \(indices.count) indices for \(values.scalarCount) "
                    + "values of shape \(values.shape)")
        }
        var writers = [Int](repeating: -1, count: count)
        for (k, index) in indices.enumerated() {
            guard (0..<count).contains(index) else {
                fatalError(
                    "maxUnpool(_:indices:shape:): index \(index) lies outside shape \(shape) "
                        + "(\(count) elements)")
            }
            writers[index] = k
        }
        let writer = writers
        let source = values.scalars
        let y = T(
            shape: shape, scalars: writer.map { $0 < 0 ? 0 : source[$0] }, node: nil)
        let valuesShape = values.shape
        return record("maxUnpool", [values], y) {
            [
                { dy in
                    var dx = [Scalar](repeating: 0, count: indices.count)
                    for (index, k) in writer.enumerated() where k >= 0 { dx[k] = dy.scalars[index] }
                    return T(shape: valuesShape, scalars: dx, node: nil)
                }
            ]
        }
    }

    /// `y = (1/k) Σ` of each window of `k` elements; each element receives `dy / k`.
    static func averagePool(_ x: T, _ geometry: ConvolutionGeometry) -> T {
        let y = T(
            shape: pooledShape(geometry), scalars: PoolingKernel.average(x.scalars, geometry),
            node: nil)
        let shape = x.shape
        return record("averagePool", [x], y) {
            [
                { dy in
                    T(
                        shape: shape,
                        scalars: PoolingKernel.averageGradient(dy.scalars, geometry), node: nil)
                }
            ]
        }
    }

    /// `[batch, outputHeight, outputWidth, channels]`.
    private static func pooledShape(_ g: ConvolutionGeometry) -> [Int] {
        [g.batch, g.outputHeight, g.outputWidth, g.channels]
    }
}
