/// Loops for pooling over windows of an NHWC batch, forward and backward. Window elements that
/// fall in the padding (``Padding/same``) are skipped: they are never the maximum and do not
/// count in the average, as in TensorFlow. Specialised for `Float` and `Double`, like the
/// library's other kernels.
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
        var indices = [Int](repeating: -1, count: count)
        x.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                indices.withUnsafeMutableBufferPointer { indices in
                    forEachWindowElement(g) { window, start in
                        let slot = window * g.channels
                        for c in 0..<g.channels {
                            let value = input[start + c]
                            let best = values[slot + c]
                            if indices[slot + c] < 0 || value > best
                                || (value.isNaN && !best.isNaN)
                            {
                                values[slot + c] = value
                                indices[slot + c] = start + c
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
        for (slot, index) in indices.enumerated() { dx[index] += dy[slot] }
        return dx
    }

    /// The mean of each window over its elements inside the input.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func average<Scalar: TensorScalar>(_ x: [Scalar], _ g: ConvolutionGeometry)
        -> [Scalar]
    {
        var values = [Scalar](repeating: 0, count: g.patchCount * g.channels)
        forEachWindowElement(g) { window, start in
            for c in 0..<g.channels { values[window * g.channels + c] += x[start + c] }
        }
        let scales = windowScales(g, as: Scalar.self)
        for window in scales.indices {
            for c in 0..<g.channels { values[window * g.channels + c] *= scales[window] }
        }
        return values
    }

    /// The input gradient of average pooling: each window's gradient, divided by the number of
    /// its elements inside the input, added to each of them.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func averageGradient<Scalar: TensorScalar>(_ dy: [Scalar], _ g: ConvolutionGeometry)
        -> [Scalar]
    {
        var dx = [Scalar](repeating: 0, count: g.batch * g.height * g.width * g.channels)
        let scales = windowScales(g, as: Scalar.self)
        forEachWindowElement(g) { window, start in
            let (scale, slot) = (scales[window], window * g.channels)
            for c in 0..<g.channels { dx[start + c] += dy[slot + c] * scale }
        }
        return dx
    }

    /// `1 / k` for every window, `k` the number of its elements inside the input.
    private static func windowScales<Scalar: TensorScalar>(
        _ g: ConvolutionGeometry, as _: Scalar.Type
    ) -> [Scalar] {
        var counts = [Int](repeating: 0, count: g.patchCount)
        forEachWindowElement(g) { window, _ in counts[window] += 1 }
        return counts.map { 1 / Scalar($0) }
    }

    /// Calls `body(window, inputStart)` for every window element inside the input, in
    /// row-major window order: the window's flat output position (over batch, rows and
    /// columns) and the flat index of the element's first input channel.
    @inline(__always)
    private static func forEachWindowElement(
        _ g: ConvolutionGeometry, _ body: (_ window: Int, _ start: Int) -> Void
    ) {
        var window = 0
        for n in 0..<g.batch {
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    for ky in 0..<g.kernelHeight {
                        let iy = oy * g.strideY - g.padTop + ky
                        guard iy >= 0, iy < g.height else { continue }
                        for kx in 0..<g.kernelWidth {
                            let ix = ox * g.strideX - g.padLeft + kx
                            guard ix >= 0, ix < g.width else { continue }
                            body(window, ((n * g.height + iy) * g.width + ix) * g.channels)
                        }
                    }
                    window += 1
                }
            }
        }
    }
}
