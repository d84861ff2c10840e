/// Max and average pooling as differentiable primitives, recorded like those of
/// `Autodiff/Primitives.swift`.
extension Primitive {
    /// `y = max` of each window; the gradient goes to the element that was the maximum.
    static func maxPool(_ x: T, _ geometry: ConvolutionGeometry) -> T {
        let (values, indices) = PoolingKernel.maximum(x.scalars, geometry)
        let y = T(shape: pooledShape(geometry), scalars: values, node: nil)
        let count = x.scalarCount
        let shape = x.shape
        return record("maxPool", [x], y) {
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
