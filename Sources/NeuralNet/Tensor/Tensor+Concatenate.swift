/// Joining tensors. Differentiable: each input receives its own part of the gradient.
extension Tensor {
    /// The tensors joined along an existing `axis`; their other dimensions must agree.
    ///
    /// Two `[2, 3]` matrices concatenated along axis 0 make a `[4, 3]` matrix; along axis 1,
    /// a `[2, 6]` one.
    public static func concatenated(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        guard let first = tensors.first else {
            fatalError("concatenated(_:alongAxis:): needs at least one tensor")
        }
        let position = Shape.axis(axis, rank: first.rank, for: "concatenated(_:alongAxis:)")
        if tensors.count == 1 { return first }
        return Primitive.concatenate(tensors, alongAxis: position)
    }

    /// The tensors, all of one shape, stacked along a new `axis`.
    ///
    /// Three `[4]` vectors stacked along axis 0 make a `[3, 4]` matrix.
    public static func stacked(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        guard let first = tensors.first else {
            fatalError("stacked(_:alongAxis:): needs at least one tensor")
        }
        for tensor in tensors where tensor.shape != first.shape {
            fatalError(
                "stacked(_:alongAxis:): shapes \(first.shape) and \(tensor.shape) differ; "
                    + "stacked tensors need equal shapes")
        }
        let position = Shape.axis(axis, rank: first.rank + 1, for: "stacked(_:alongAxis:)")
        return concatenated(
            tensors.map { $0.expandingDimension(at: position) }, alongAxis: position)
    }
}
