/// Loops that turn image windows into matrix rows and back (im2col and col2im), so that a
/// convolution becomes one matrix multiply.
///
/// Row `(n, oy, ox)` of the patch matrix holds the window at that output position, in
/// `(ky, kx, channel)` order; positions in the padding read as zero. Specialised for `Float`
/// and `Double`, like the library's other kernels.
enum ConvolutionKernel {
    /// The patch matrix `[patchCount, patchSize]` of an NHWC input.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func patches<Scalar: TensorScalar>(_ x: [Scalar], _ g: ConvolutionGeometry) -> [Scalar] {
        let count = g.patchCount * g.patchSize
        return x.withUnsafeBufferPointer { input in
            [Scalar](unsafeUninitializedCapacity: count) { output, initialized in
                var target = output.start
                let source = input.start
                let run = g.channels
                for n in 0..<g.batch {
                    for oy in 0..<g.outputHeight {
                        for ox in 0..<g.outputWidth {
                            for ky in 0..<g.kernelHeight {
                                let iy = oy * g.strideY - g.padTop + ky
                                for kx in 0..<g.kernelWidth {
                                    let ix = ox * g.strideX - g.padLeft + kx
                                    if iy >= 0, iy < g.height, ix >= 0, ix < g.width {
                                        let start = ((n * g.height + iy) * g.width + ix) * run
                                        target.update(from: source + start, count: run)
                                    } else {
                                        target.update(repeating: 0, count: run)
                                    }
                                    target += run
                                }
                            }
                        }
                    }
                }
                initialized = count
            }
        }
    }

    /// The NHWC image gradient from the patch-matrix gradient: each patch element added back
    /// to the input position it was read from (positions in the padding are dropped).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func image<Scalar: TensorScalar>(fromPatches dp: [Scalar], _ g: ConvolutionGeometry)
        -> [Scalar]
    {
        var dx = [Scalar](repeating: 0, count: g.batch * g.height * g.width * g.channels)
        let run = g.channels
        dp.withUnsafeBufferPointer { patches in
            dx.withUnsafeMutableBufferPointer { image in
                var source = patches.start
                let target = image.start
                for n in 0..<g.batch {
                    for oy in 0..<g.outputHeight {
                        for ox in 0..<g.outputWidth {
                            for ky in 0..<g.kernelHeight {
                                let iy = oy * g.strideY - g.padTop + ky
                                for kx in 0..<g.kernelWidth {
                                    let ix = ox * g.strideX - g.padLeft + kx
                                    if iy >= 0, iy < g.height, ix >= 0, ix < g.width {
                                        let start = ((n * g.height + iy) * g.width + ix) * run
                                        for c in 0..<run { target[start + c] += source[c] }
                                    }
                                    source += run
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
