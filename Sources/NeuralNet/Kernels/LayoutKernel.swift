/// Loops that move elements between layouts: permuting axes, gathering and scattering along
/// an axis, and concatenating. They compute constant tensors; ``Primitive`` adds the rules.
enum LayoutKernel {
    /// `x` with its axes reordered: axis `i` of the result is axis `axes[i]` of `x`.
    static func permute<Scalar>(_ x: Tensor<Scalar>, _ axes: [Int]) -> Tensor<Scalar> {
        let shape = axes.map { x.shape[$0] }
        let sourceStrides = Shape.strides(of: x.shape)
        let strides = axes.map { sourceStrides[$0] }
        let count = x.scalarCount
        var scalars = [Scalar]()
        scalars.reserveCapacity(count)
        x.scalars.withUnsafeBufferPointer { source in
            guard count > 0 else { return }
            var index = Array(repeating: 0, count: shape.count)
            var offset = 0
            for _ in 0..<count {
                scalars.append(source[offset])
                var axis = shape.count - 1
                while axis >= 0 {
                    index[axis] += 1
                    offset += strides[axis]
                    if index[axis] < shape[axis] { break }
                    offset -= strides[axis] * shape[axis]
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// The slices of `x` at `indices` along `axis`, in that order.
    static func gather<Scalar>(_ x: Tensor<Scalar>, _ indices: [Int], alongAxis axis: Int)
        -> Tensor<Scalar>
    {
        let (outer, size, inner) = Shape.split(x.shape, at: axis)
        for index in indices where !(0..<size).contains(index) {
            fatalError(
                "gathered(_:alongAxis:): index \(index) is out of range for axis \(axis) of "
                    + "shape \(x.shape)")
        }
        var shape = x.shape
        shape[axis] = indices.count
        var scalars = [Scalar]()
        scalars.reserveCapacity(outer * indices.count * inner)
        for o in 0..<outer {
            for index in indices {
                let start = (o * size + index) * inner
                scalars.append(contentsOf: x.scalars[start..<start + inner])
            }
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// Zeros of `shape` with the slices of `values` added at `indices` along `axis`; an index
    /// that appears twice receives both slices.
    static func scatterAdd<Scalar>(
        _ values: Tensor<Scalar>, _ indices: [Int], alongAxis axis: Int, into shape: [Int]
    ) -> Tensor<Scalar> {
        let (outer, size, inner) = Shape.split(shape, at: axis)
        var scalars = [Scalar](repeating: 0, count: outer * size * inner)
        var source = 0
        for o in 0..<outer {
            for index in indices {
                let start = (o * size + index) * inner
                for i in 0..<inner { scalars[start + i] += values.scalars[source + i] }
                source += inner
            }
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }

    /// The tensors joined along `axis`; all other dimensions must agree.
    static func concatenate<Scalar>(_ xs: [Tensor<Scalar>], alongAxis axis: Int)
        -> Tensor<Scalar>
    {
        let first = xs[0]
        var shape = first.shape
        shape[axis] = 0
        for x in xs {
            var other = x.shape
            guard other.count == shape.count else {
                fatalError(
                    "concatenated(_:alongAxis:): shapes \(first.shape) and \(x.shape) differ "
                        + "in rank")
            }
            other[axis] = 0
            guard other == shape.enumerated().map({ $0.offset == axis ? 0 : $0.element }) else {
                fatalError(
                    "concatenated(_:alongAxis:): shapes \(first.shape) and \(x.shape) differ "
                        + "outside axis \(axis)")
            }
            shape[axis] += x.shape[axis]
        }
        let outer = shape[..<axis].reduce(1, *)
        var scalars = [Scalar]()
        scalars.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for x in xs {
                let run = x.scalarCount / Swift.max(outer, 1)
                scalars.append(contentsOf: x.scalars[(o * run)..<((o + 1) * run)])
            }
        }
        return Tensor(shape: shape, scalars: scalars, node: nil)
    }
}
