extension Tensor: CustomStringConvertible {
    /// The tensor laid out like NumPy prints an array, with 4 digits after the decimal point.
    ///
    /// See ``formatted(decimals:)``.
    public var description: String {
        formatted(decimals: 4)
    }

    /// The tensor laid out like NumPy prints an array, with a fixed number of decimals.
    ///
    /// A scalar tensor prints as a bare number, a vector as one bracketed row, a matrix as
    /// bracketed rows one under another, and each further dimension as blocks separated by
    /// blank lines. Every element is padded on the left to the width of the widest one, so
    /// columns line up:
    ///
    /// ```
    /// [[ 1.0000, -0.5000],
    ///  [10.0000,  0.2500]]
    /// ```
    ///
    /// The output is the same on every machine and in every locale: each element is the exact
    /// value correctly rounded (ties to even), and a negative number that rounds to zero prints
    /// without its sign (`0.0000`, never `-0.0000`).
    ///
    /// - Parameter decimals: Digits after the decimal point, 0 through 15.
    public func formatted(decimals: Int = 4) -> String {
        let cells = scalars.map { formatDecimal(Double($0), decimals: decimals) }
        if shape.isEmpty { return cells[0] }
        let width = cells.map(\.count).max() ?? 0
        let padded = cells.map { String(repeating: " ", count: width - $0.count) + $0 }
        return Self.layout(padded[...], shape: shape[...], depth: 0)
    }

    /// Brackets `cells` as nested rows of `shape`, the outermost starting at column `depth`.
    private static func layout(_ cells: ArraySlice<String>, shape: ArraySlice<Int>, depth: Int)
        -> String
    {
        guard let count = shape.first, shape.count > 1 else {
            return "[" + cells.joined(separator: ", ") + "]"
        }
        let inner = shape.dropFirst()
        let stride = inner.reduce(1, *)
        let blocks = (0..<count).map { index in
            let start = cells.startIndex + index * stride
            return layout(cells[start..<start + stride], shape: inner, depth: depth + 1)
        }
        // A matrix's rows are one line apart; blocks of higher dimensions get blank lines.
        let newlines = String(repeating: "\n", count: shape.count - 1)
        let indent = String(repeating: " ", count: depth + 1)
        return "[" + blocks.joined(separator: "," + newlines + indent) + "]"
    }
}
