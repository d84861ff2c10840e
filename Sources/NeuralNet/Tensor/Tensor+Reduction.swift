/// Reductions: operations that combine many elements into fewer.
extension Tensor {
    /// The sum of all elements, as a scalar tensor: `Σᵢ xᵢ`.
    ///
    /// The sum of an empty tensor is 0.
    public func sum() -> Tensor {
        Primitive.sum(self)
    }

    /// The mean of all elements, as a scalar tensor: `(1/n) Σᵢ xᵢ`.
    ///
    /// The mean of an empty tensor is NaN.
    public func mean() -> Tensor {
        sum() / Scalar(scalarCount)
    }
}
