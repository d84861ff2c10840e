/// Loops for pooling over windows of an NHWC batch (valid padding), forward and backward.
/// Specialised for `Float` and `Double`, like the library's other kernels.
enum PoolingKernel {
    /// The maximum of each window and the flat input index where it was found (the first, in
    /// row-major window order, on a tie; NaN wins).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func maximum<Scalar: TensorScalar>(_ x: [Scalar], _ g: ConvolutionGeometry)
        -> (values: [Scalar], indices: [Int])
    {
        let count = g.patchCount * g.channels
        var values = [Scalar](repeating: -.infinity, count: count)
        var indices = [Int](repeating: 0, count: count)
        x.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                indices.withUnsafeMutableBufferPointer { indices in
                    var slot = 0
                    for n in 0..<g.batch {
                        for oy in 0..<g.outputHeight {
                            for ox in 0..<g.outputWidth {
                                for ky in 0..<g.kernelHeight {
                                    let iy = oy * g.strideY + ky
                                    for kx in 0..<g.kernelWidth {
                                        let ix = ox * g.strideX + kx
                                        let start =
                                            ((n * g.height + iy) * g.width + ix) * g.channels
                                        let first = ky == 0 && kx == 0
                                        for c in 0..<g.channels {
                                            let value = input[start + c]
                                            let best = values[slot + c]
                                            if first || value > best || (value.isNaN && !best.isNaN)
                                            {
                                                values[slot + c] = value
                                                indices[slot + c] = start + c
                                            }
                                        }
                                    }
                                }
                                slot += g.channels
                            }
                        }
                    }
                }
            }
        }
        return (values, indices)
    }

    /// The input gradient of max pooling: each window's gradient at the input element that
    /// was its maximum, summed where windows overlap.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func maximumGradient<Scalar: TensorScalar>(
        _ dy: [Scalar], indices: [Int], inputCount: Int
    ) -> [Scalar] {
        var dx = [Scalar](repeating: 0, count: inputCount)
        dx.withUnsafeMutableBufferPointer { dx in
            dy.withUnsafeBufferPointer { dy in
                for (slot, index) in indices.enumerated() { dx[index] += dy[slot] }
            }
        }
        return dx
    }

    /// The mean of each window.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func average<Scalar: TensorScalar>(_ x: [Scalar], _ g: ConvolutionGeometry)
        -> [Scalar]
    {
        var values = [Scalar](repeating: 0, count: g.patchCount * g.channels)
        let scale = 1 / Scalar(g.kernelHeight * g.kernelWidth)
        forEachWindowElement(g) { slot, start in
            for c in 0..<g.channels { values[slot + c] += x[start + c] }
        }
        for index in values.indices { values[index] *= scale }
        return values
    }

    /// The input gradient of average pooling: each window's gradient, divided by the window's
    /// size, added to every element of the window.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func averageGradient<Scalar: TensorScalar>(_ dy: [Scalar], _ g: ConvolutionGeometry)
        -> [Scalar]
    {
        var dx = [Scalar](repeating: 0, count: g.batch * g.height * g.width * g.channels)
        let scale = 1 / Scalar(g.kernelHeight * g.kernelWidth)
        forEachWindowElement(g) { slot, start in
            for c in 0..<g.channels { dx[start + c] += dy[slot + c] * scale }
        }
        return dx
    }

    /// Calls `body(outputSlot, inputStart)` for every window element: the flat index of the
    /// window's first output channel and of the element's first input channel.
    @inline(__always)
    private static func forEachWindowElement(
        _ g: ConvolutionGeometry, _ body: (_ slot: Int, _ start: Int) -> Void
    ) {
        var slot = 0
        for n in 0..<g.batch {
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    for ky in 0..<g.kernelHeight {
                        for kx in 0..<g.kernelWidth {
                            let (iy, ix) = (oy * g.strideY + ky, ox * g.strideX + kx)
                            body(slot, ((n * g.height + iy) * g.width + ix) * g.channels)
                        }
                    }
                    slot += g.channels
                }
            }
        }
    }
}
