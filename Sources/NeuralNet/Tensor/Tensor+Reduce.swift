/// Reductions: operations that combine many elements into fewer.
///
/// Each reduction along axes removes those axes, or keeps each as a dimension of size 1 with
/// `keepingDimensions: true`, so that the result broadcasts against the input:
/// `x - x.max(alongAxes: 1, keepingDimensions: true)` shifts every row by its maximum.
/// Axes may be negative, counting from the end.
extension Tensor {
    /// The sum of all elements, as a scalar tensor: `Σᵢ xᵢ`.
    ///
    /// The sum of an empty tensor is 0.
    public func sum() -> Tensor {
        Primitive.sum(self, alongAxes: Array(0..<rank), keepingDimensions: false)
    }

    /// The mean of all elements, as a scalar tensor: `(1/n) Σᵢ xᵢ`.
    ///
    /// The mean of an empty tensor is NaN.
    public func mean() -> Tensor {
        sum() / Scalar(scalarCount)
    }

    /// The sums along `axes`: for a matrix, `sum(alongAxes: 0)` sums each column.
    public func sum(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        sum(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The sums along `axes`, given as an array.
    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        Primitive.sum(
            self, alongAxes: normalized(axes, for: "sum(alongAxes:)"),
            keepingDimensions: keepingDimensions)
    }

    /// The means along `axes`: the sums divided by the number of elements each combines.
    public func mean(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        let positions = normalized(axes, for: "mean(alongAxes:)")
        let count = positions.map { shape[$0] }.reduce(1, *)
        return sum(alongAxes: positions, keepingDimensions: keepingDimensions) / Scalar(count)
    }

    /// The largest element, as a scalar tensor; NaN if any element is NaN.
    ///
    /// Differentiable: the gradient goes to the first largest element. The maximum has no
    /// identity, so an empty tensor stops with a message, as in NumPy.
    public func max() -> Tensor {
        guard scalarCount > 0 else { fatalError("max(): the tensor of shape \(shape) is empty") }
        return reshaped(to: [scalarCount]).max(alongAxes: 0)
    }

    /// The largest elements along `axes`; the gradient goes to the first largest of each.
    ///
    /// An axis of size 0 has no maximum and stops with a message, as in NumPy; other axes may
    /// be empty (`[3, 0]` along axis 0 gives `[0]`).
    public func max(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        var result = self
        let positions = normalized(axes, for: "max(alongAxes:)")
        for axis in positions where shape[axis] == 0 {
            fatalError("max(alongAxes:): axis \(axis) of shape \(shape) is empty")
        }
        // Reduce the highest axis first, keeping dimensions, so lower axis numbers stay valid.
        for axis in positions.sorted(by: >) {
            result = Primitive.max(result, alongAxis: axis, keepingDimensions: true)
        }
        return keepingDimensions
            ? result
            : result.reshaped(
                to: ReductionKernel.dropping(normalized(axes, for: "max(alongAxes:)"), from: shape))
    }

    /// The index of the largest element along `axis` for every position of the other axes,
    /// in row-major order; the first index wins a tie.
    ///
    /// For a matrix of class scores, one row per sample, `scores.argmax(alongAxis: 1)` is the
    /// predicted class of each sample.
    public func argmax(alongAxis axis: Int) -> [Int] {
        let position = Shape.axis(axis, rank: rank, for: "argmax(alongAxis:)")
        guard shape[position] > 0 else {
            fatalError("argmax(alongAxis:): axis \(axis) of shape \(shape) is empty")
        }
        return ReductionKernel.max(detached(), alongAxis: position).1
    }

    /// Axes made non-negative and checked, each at most once.
    private func normalized(_ axes: [Int], for operation: String) -> [Int] {
        let positions = axes.map { Shape.axis($0, rank: rank, for: operation) }
        guard Set(positions).count == positions.count else {
            fatalError("\(operation): axes \(axes) repeat an axis")
        }
        return positions
    }
}
