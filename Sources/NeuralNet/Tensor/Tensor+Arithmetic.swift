/// Elementwise arithmetic, with broadcasting.
///
/// Two tensors combine element by element after broadcasting by NumPy's rules: shapes are
/// aligned at their last dimension, and a dimension of size 1 (or a missing leading one) is
/// repeated to match the other operand. So a `[32, 128]` batch plus a `[128]` bias adds the
/// bias to every row. A scalar on either side combines with every element. All of it is
/// differentiable; an operand that was broadcast receives its gradient summed over the
/// repeats, so the bias above gets the sum of the batch's gradients.
extension Tensor {
    /// Adds two tensors element by element, broadcasting: `yᵢ = aᵢ + bᵢ`.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.add(lhs, rhs)
    }

    /// Subtracts two tensors element by element, broadcasting: `yᵢ = aᵢ - bᵢ`.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.subtract(lhs, rhs)
    }

    /// Multiplies two tensors element by element, broadcasting (the Hadamard product).
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.multiply(lhs, rhs)
    }

    /// Divides two tensors element by element, broadcasting: `yᵢ = aᵢ / bᵢ`.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.divide(lhs, rhs)
    }

    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor {
        Primitive.negate(operand)
    }

    // MARK: - With a scalar
    // A scalar operand becomes a constant scalar tensor that broadcasts, so these need no
    // derivative rules of their own.

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs + Tensor(scalar: rhs)
    }

    /// Adds every element to a scalar.
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(scalar: lhs) + rhs
    }

    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs - Tensor(scalar: rhs)
    }

    /// Subtracts every element from a scalar.
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(scalar: lhs) - rhs
    }

    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs * Tensor(scalar: rhs)
    }

    /// Multiplies a scalar by every element.
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(scalar: lhs) * rhs
    }

    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs / Tensor(scalar: rhs)
    }

    /// Divides a scalar by every element.
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(scalar: lhs) / rhs
    }

    // MARK: - Compound assignment
    // Each replaces the left operand with a new tensor; when that operand is tracked, the new
    // tensor records the operation like any other result.

    /// Replaces `lhs` with `lhs + rhs`.
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
    /// Replaces `lhs` with `lhs - rhs`.
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
    /// Replaces `lhs` with `lhs * rhs`.
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
    /// Replaces `lhs` with `lhs / rhs`.
    public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
    /// Replaces `lhs` with `lhs + rhs`.
    public static func += (lhs: inout Tensor, rhs: Scalar) { lhs = lhs + rhs }
    /// Replaces `lhs` with `lhs - rhs`.
    public static func -= (lhs: inout Tensor, rhs: Scalar) { lhs = lhs - rhs }
    /// Replaces `lhs` with `lhs * rhs`.
    public static func *= (lhs: inout Tensor, rhs: Scalar) { lhs = lhs * rhs }
    /// Replaces `lhs` with `lhs / rhs`.
    public static func /= (lhs: inout Tensor, rhs: Scalar) { lhs = lhs / rhs }
}
