/// Elementwise arithmetic.
///
/// Two tensors combine element by element and must have the same shape. A scalar on either
/// side combines with every element. All of it is differentiable.
extension Tensor {
    /// Adds two tensors of the same shape, element by element.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.add(lhs, rhs)
    }

    /// Subtracts two tensors of the same shape, element by element.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.subtract(lhs, rhs)
    }

    /// Multiplies two tensors of the same shape, element by element (the Hadamard product).
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.multiply(lhs, rhs)
    }

    /// Divides two tensors of the same shape, element by element.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        Primitive.divide(lhs, rhs)
    }

    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor {
        Primitive.negate(operand)
    }

    // MARK: - With a scalar
    // A scalar operand becomes a constant tensor of the other operand's shape, so these need
    // no derivative rules of their own.

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs + Tensor(repeating: rhs, shape: lhs.shape)
    }

    /// Adds every element to a scalar.
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(repeating: lhs, shape: rhs.shape) + rhs
    }

    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs - Tensor(repeating: rhs, shape: lhs.shape)
    }

    /// Subtracts every element from a scalar.
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(repeating: lhs, shape: rhs.shape) - rhs
    }

    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs * Tensor(repeating: rhs, shape: lhs.shape)
    }

    /// Multiplies a scalar by every element.
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(repeating: lhs, shape: rhs.shape) * rhs
    }

    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor {
        lhs / Tensor(repeating: rhs, shape: lhs.shape)
    }

    /// Divides a scalar by every element.
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor {
        Tensor(repeating: lhs, shape: rhs.shape) / rhs
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
