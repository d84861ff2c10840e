/// Loops that reduce a tensor along one axis, seen as `[outer, size, inner]`.
///
/// Specialised for `Float` and `Double` like ``ElementwiseKernel``. The order of additions is
/// fixed by the shape alone (first element first), so a sum is the same on every run.
enum ReductionKernel {
    /// `y[o, i] = Σₛ x[o, s, i]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sum<Scalar: TensorScalar>(
        _ x: [Scalar], outer: Int, size: Int, inner: Int
    ) -> [Scalar] {
        x.withUnsafeBufferPointer { input in
            [Scalar](unsafeUninitializedCapacity: outer * inner) { output, count in
                output.initialize(repeating: 0)
                for o in 0..<outer {
                    let target = output.start + o * inner
                    for s in 0..<size {
                        let source = input.start + (o * size + s) * inner
                        for i in 0..<inner { target[i] += source[i] }
                    }
                }
                count = outer * inner
            }
        }
    }

    /// `y[o, i] = maxₛ x[o, s, i]` and the first `s` where it is reached; NaN wins.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func maximum<Scalar: TensorScalar>(
        _ x: [Scalar], outer: Int, size: Int, inner: Int
    ) -> (values: [Scalar], indices: [Int]) {
        var values = [Scalar](repeating: -.infinity, count: outer * inner)
        var indices = [Int](repeating: 0, count: outer * inner)
        x.withUnsafeBufferPointer { input in
            for o in 0..<outer {
                for s in 0..<size {
                    let base = (o * size + s) * inner
                    for i in 0..<inner {
                        let value = input[base + i]
                        let slot = o * inner + i
                        if value > values[slot] || (value.isNaN && !values[slot].isNaN) {
                            values[slot] = value
                            indices[slot] = s
                        }
                    }
                }
            }
        }
        return (values, indices)
    }
}

extension ReductionKernel {
    /// The sum over `axes`, keeping each as a dimension of size 1.
    static func sum<Scalar: TensorScalar>(_ x: Tensor<Scalar>, alongAxes axes: [Int])
        -> Tensor<Scalar>
    {
        var shape = x.shape
        var scalars = x.scalars
        for axis in axes {
            let (outer, size, inner) = Shape.split(shape, at: axis)
            scalars = sum(scalars, outer: outer, size: size, inner: inner)
            shape[axis] = 1
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// The maximum along `axis`, kept as a dimension of size 1, and where each was found.
    static func max<Scalar: TensorScalar>(_ x: Tensor<Scalar>, alongAxis axis: Int)
        -> (Tensor<Scalar>, [Int])
    {
        let (outer, size, inner) = Shape.split(x.shape, at: axis)
        let (values, indices) = maximum(x.scalars, outer: outer, size: size, inner: inner)
        var shape = x.shape
        shape[axis] = 1
        return (Tensor(shape: shape, scalars: values, node: nil), indices)
    }

    /// Zeros of `shape` with each element of `values` (whose `axis` has size 1) placed at the
    /// position along `axis` that `indices` names for it.
    static func scatter<Scalar: TensorScalar>(
        _ values: Tensor<Scalar>, atIndices indices: [Int], alongAxis axis: Int,
        into shape: [Int]
    ) -> Tensor<Scalar> {
        let (outer, size, inner) = Shape.split(shape, at: axis)
        var scalars = [Scalar](repeating: 0, count: outer * size * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let slot = o * inner + i
                scalars[(o * size + indices[slot]) * inner + i] = values.scalars[slot]
            }
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// `shape` without the dimensions at `axes`.
    static func dropping(_ axes: [Int], from shape: [Int]) -> [Int] {
        shape.enumerated().filter { !axes.contains($0.offset) }.map { $0.element }
    }
}
