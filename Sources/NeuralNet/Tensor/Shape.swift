/// Checks and arithmetic on shapes shared by the tensor operations.
///
/// A failed check stops the program with `fatalError`, not `precondition`: the library is built
/// optimised, and an optimised `precondition` drops its message, while the message (the
/// operation and the shapes involved) is what a reader needs to see.
enum Shape {
    /// The number of scalars a tensor of `shape` holds, after checking no dimension is negative.
    static func scalarCount(_ shape: [Int], for operation: String) -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            fatalError("\(operation): shape \(shape) has a negative dimension")
        }
        return shape.reduce(1, *)
    }

    /// Stops unless two shapes are equal.
    static func requireEqual(_ lhs: [Int], _ rhs: [Int], for operation: String) {
        guard lhs == rhs else {
            fatalError("\(operation): shapes \(lhs) and \(rhs) differ; they must be equal")
        }
    }

    /// The shape two operands broadcast to, by NumPy's rules.
    ///
    /// The shapes are aligned at their last dimension; a missing leading dimension counts as 1;
    /// in each position the sizes must be equal or one of them 1, and the result takes the
    /// larger. So `[32, 128]` and `[128]` broadcast to `[32, 128]`, and `[3, 1]` and `[1, 4]`
    /// to `[3, 4]`.
    static func broadcast(_ lhs: [Int], _ rhs: [Int], for operation: String) -> [Int] {
        if lhs == rhs { return lhs }
        let rank = max(lhs.count, rhs.count)
        let left = Array(repeating: 1, count: rank - lhs.count) + lhs
        let right = Array(repeating: 1, count: rank - rhs.count) + rhs
        return zip(left, right).map { l, r in
            guard l == r || l == 1 || r == 1 else {
                fatalError(
                    "\(operation): shapes \(lhs) and \(rhs) cannot be broadcast together "
                        + "(sizes \(l) and \(r) differ and neither is 1)")
            }
            return l == 1 ? r : l
        }
    }

    /// The strides with which an operand of `shape` is read when broadcast to `target`: the
    /// ordinary row-major stride, or 0 along a dimension the operand repeats.
    static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        let padded = Array(repeating: 1, count: target.count - shape.count) + shape
        var strides = Array(repeating: 0, count: target.count)
        var stride = 1
        for axis in padded.indices.reversed() {
            strides[axis] = padded[axis] == 1 ? 0 : stride
            stride *= padded[axis]
        }
        return strides
    }

    /// The row-major strides of `shape`: how far apart in memory consecutive indices lie.
    static func strides(of shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride *= shape[axis]
        }
        return strides
    }

    /// An axis counted from the end when negative (`-1` is the last), checked against `rank`.
    static func axis(_ axis: Int, rank: Int, for operation: String) -> Int {
        let normalized = axis < 0 ? axis + rank : axis
        guard (0..<rank).contains(normalized) else {
            fatalError("\(operation): axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return normalized
    }

    /// The sizes before, along and after `axis`: a tensor viewed as `[outer, size, inner]`.
    static func split(_ shape: [Int], at axis: Int) -> (outer: Int, size: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }
}

extension Shape {
    /// Stops unless `shape` broadcasts to `target` without changing `target`.
    static func requireBroadcastable(_ shape: [Int], to target: [Int], for operation: String) {
        guard shape.count <= target.count,
            broadcast(shape, target, for: operation) == target
        else {
            fatalError("\(operation): shape \(shape) cannot be broadcast to \(target)")
        }
    }
}
