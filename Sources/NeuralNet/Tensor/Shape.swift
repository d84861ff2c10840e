/// Checks on shapes shared by the tensor operations.
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

    /// Stops unless two operands of an elementwise operation have the same shape.
    static func requireEqual(_ lhs: [Int], _ rhs: [Int], for operation: String) {
        guard lhs == rhs else {
            fatalError(
                "\(operation): shapes \(lhs) and \(rhs) differ; elementwise operations need "
                    + "equal shapes (broadcasting is not supported yet)")
        }
    }
}
