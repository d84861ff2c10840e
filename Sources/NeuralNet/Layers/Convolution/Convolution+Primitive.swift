/// The patch extraction (im2col) that turns a convolution into a matrix multiply, as a
/// differentiable primitive with its own rule. Kept beside the layers that use it rather than
/// in `Autodiff/Primitives.swift`, but recorded the same way.
extension Primitive {
    /// `P = im2col(x)`: row `(n, oy, ox)` holds the window of `x` at that output position;
    /// `dx = col2im(dP)`, each patch element's gradient added back where it was read.
    static func patches(_ x: T, _ geometry: ConvolutionGeometry) -> T {
        let y = T(
            shape: [geometry.patchCount, geometry.patchSize],
            scalars: ConvolutionKernel.patches(x.scalars, geometry), node: nil)
        let shape = x.shape
        return record("patches", [x], y) {
            [
                { dy in
                    T(
                        shape: shape,
                        scalars: ConvolutionKernel.image(fromPatches: dy.scalars, geometry),
                        node: nil)
                }
            ]
        }
    }
}
