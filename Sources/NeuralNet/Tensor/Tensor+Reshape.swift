/// Operations that change how a tensor's elements are arranged, not their values. All are
/// differentiable: the gradient is arranged back.
extension Tensor {
    /// The same elements, in row-major order, in a new shape with the same number of them.
    ///
    /// One dimension may be `-1`, meaning whatever the others leave:
    /// `x.reshaped(to: [-1, 64])` makes rows of 64.
    public func reshaped(to newShape: [Int]) -> Tensor {
        let inferred = newShape.filter { $0 == -1 }.count
        var resolved = newShape
        if inferred == 1 {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            guard known > 0, scalarCount % known == 0 else {
                fatalError("reshaped(to:): cannot reshape shape \(shape) to \(newShape)")
            }
            resolved = newShape.map { $0 == -1 ? scalarCount / known : $0 }
        }
        guard inferred <= 1, resolved.allSatisfy({ $0 >= 0 }),
            resolved.reduce(1, *) == scalarCount
        else {
            fatalError(
                "reshaped(to:): shape \(shape) holds \(scalarCount) scalars and cannot be "
                    + "reshaped to \(newShape)")
        }
        if resolved == shape { return self }
        return Primitive.reshape(self, to: resolved)
    }

    /// The axes reordered: axis `i` of the result is axis `axes[i]` of this tensor.
    ///
    /// `x.permuted([0, 2, 1])` swaps the last two axes of a rank-3 tensor.
    public func permuted(_ axes: [Int]) -> Tensor {
        guard axes.sorted() == Array(0..<rank) else {
            fatalError(
                "permuted(_:): \(axes) is not a permutation of the axes of shape \(shape)")
        }
        if axes == Array(0..<rank) { return self }
        return Primitive.permute(self, axes)
    }

    /// The last two axes swapped: the transpose of a matrix, or of each matrix of a batch.
    public func transposed() -> Tensor {
        guard rank >= 2 else {
            fatalError("transposed(): needs at least two dimensions; shape is \(shape)")
        }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 2, rank - 1)
        return permuted(axes)
    }

    /// A dimension of size 1 inserted at `axis` (0 through `rank`; negative counts from the end).
    public func expandingDimension(at axis: Int) -> Tensor {
        let position = Shape.axis(axis, rank: rank + 1, for: "expandingDimension(at:)")
        var newShape = shape
        newShape.insert(1, at: position)
        return reshaped(to: newShape)
    }

    /// The dimension of size 1 at `axis` removed.
    public func squeezingDimension(at axis: Int) -> Tensor {
        let position = Shape.axis(axis, rank: rank, for: "squeezingDimension(at:)")
        guard shape[position] == 1 else {
            fatalError(
                "squeezingDimension(at:): axis \(axis) of shape \(shape) has size "
                    + "\(shape[position]), not 1")
        }
        var newShape = shape
        newShape.remove(at: position)
        return reshaped(to: newShape)
    }
}
