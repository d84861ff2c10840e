/// Picking parts of a tensor: a row, a range along an axis, or slices at given indices. All
/// are differentiable: the gradient goes back to the positions that were picked, and zeros
/// elsewhere.
extension Tensor {
    /// The slice at `index` along the first axis, one rank lower: row `index` of a matrix.
    public subscript(index: Int) -> Tensor {
        guard rank >= 1 else { fatalError("subscript: a scalar tensor has no rows") }
        guard (0..<shape[0]).contains(index) else {
            fatalError("subscript: index \(index) is out of range for shape \(shape)")
        }
        return gathered([index]).squeezingDimension(at: 0)
    }

    /// The slices in `range` along the first axis: rows `range` of a matrix.
    public subscript(range: Range<Int>) -> Tensor {
        sliced(alongAxis: 0, range)
    }

    /// The slices in `range` along `axis`; `x.sliced(alongAxis: 1, 0..<2)` keeps the first two
    /// columns of a matrix.
    public func sliced(alongAxis axis: Int, _ range: Range<Int>) -> Tensor {
        let position = Shape.axis(axis, rank: rank, for: "sliced(alongAxis:_:)")
        guard range.lowerBound >= 0, range.upperBound <= shape[position] else {
            fatalError(
                "sliced(alongAxis:_:): range \(range) is out of bounds for axis \(axis) of "
                    + "shape \(shape)")
        }
        return gathered(Array(range), alongAxis: position)
    }

    /// The slices at `indices` along `axis`, in that order; an index may repeat.
    ///
    /// `embeddings.gathered([3, 1, 3])` picks rows 3, 1 and 3 of a matrix. The gradient of a
    /// repeated row is the sum of its copies' gradients.
    public func gathered(_ indices: [Int], alongAxis axis: Int = 0) -> Tensor {
        let position = Shape.axis(axis, rank: rank, for: "gathered(_:alongAxis:)")
        return Primitive.gather(self, indices, alongAxis: position)
    }
}
