/// Comparisons, which give masks, and selection by a mask.
///
/// A mask is a constant tensor of 0s and 1s of the broadcast shape of the operands; it is not
/// differentiable, but the selections it drives are.
extension Tensor {
    /// 1 where `lhs == rhs`, else 0, broadcasting.
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, .equal) }
    /// 1 where `lhs != rhs`, else 0, broadcasting.
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, .notEqual) }
    /// 1 where `lhs < rhs`, else 0, broadcasting.
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, .less) }
    /// 1 where `lhs <= rhs`, else 0, broadcasting.
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor {
        compare(lhs, rhs, .lessOrEqual)
    }
    /// 1 where `lhs > rhs`, else 0, broadcasting.
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, .greater) }
    /// 1 where `lhs >= rhs`, else 0, broadcasting.
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor {
        compare(lhs, rhs, .greaterOrEqual)
    }
    /// 1 where `lhs == rhs`, else 0.
    public static func .== (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .== Tensor(scalar: rhs) }
    /// 1 where `lhs < rhs`, else 0.
    public static func .< (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .< Tensor(scalar: rhs) }
    /// 1 where `lhs > rhs`, else 0.
    public static func .> (lhs: Tensor, rhs: Scalar) -> Tensor { lhs .> Tensor(scalar: rhs) }

    /// This tensor with `value` wherever `mask` is non-zero: `yᵢ = maskᵢ ≠ 0 ? value : xᵢ`.
    ///
    /// Attention uses it to hide future positions:
    /// `scores.filling(where: futureMask, with: -.infinity)`. The gradient is zero where the
    /// value was filled in.
    public func filling(where mask: Tensor, with value: Scalar) -> Tensor {
        which(mask, Tensor(scalar: value), self)
    }

    /// A constant mask from a comparison of two tensors.
    private static func compare(_ lhs: Tensor, _ rhs: Tensor, _ operation: BinaryOperation)
        -> Tensor
    {
        let shape = Shape.broadcast(lhs.shape, rhs.shape, for: "comparison")
        return Tensor(
            shape: shape,
            scalars: ElementwiseKernel.combine(lhs, rhs, operation, shape: shape), node: nil)
    }
}

/// Elements picked from `a` where `condition` is non-zero and from `b` elsewhere, broadcasting
/// all three: `yᵢ = conditionᵢ ≠ 0 ? aᵢ : bᵢ`.
///
/// Named after MLX's `which` (NumPy's `where`, a keyword in Swift). Differentiable in `a` and
/// `b`: each receives the gradient where it was picked, and zero elsewhere.
public func which<Scalar>(
    _ condition: Tensor<Scalar>, _ a: Tensor<Scalar>, _ b: Tensor<Scalar>
) -> Tensor<Scalar> {
    Primitive.select(condition, a, b)
}
