/// Where a causal mask puts the diagonal when there are not as many queries as keys.
///
/// With 2 queries and 4 keys (1 = hidden):
///
/// ```
/// topLeft (PyTorch is_causal)   bottomRight
/// q0: 0 1 1 1                   q0: 0 0 0 1
/// q1: 0 0 1 1                   q1: 0 0 0 0
/// ```
///
/// Top-left counts both from the start: query `i` sees keys `0…i`, as if the queries were the
/// first positions of the keys' sequence. Bottom-right counts both from the end: query `i`
/// sees keys `0…i + (keys − queries)`, as when the queries are the *last* positions, such as
/// new tokens appended to a cache of earlier keys. The two agree when the lengths are equal.
public enum CausalAlignment: Sendable, Equatable {
    /// Query `i` attends to keys `j ≤ i` (PyTorch's `is_causal=True`).
    case topLeft
    /// Query `i` attends to keys `j ≤ i + keys − queries` (FlashAttention's, and PyTorch's
    /// `causal_lower_right`).
    case bottomRight
}

/// A causal mask for `queries` queries and `keys` keys: 1 where query `i` may not see key `j`,
/// 0 where it may; shape `[queries, keys]`.
///
/// Hidden are `j > i` with ``CausalAlignment/topLeft`` and `j > i + keys − queries` with
/// ``CausalAlignment/bottomRight`` (see ``CausalAlignment`` for a picture). A query row with
/// every key hidden (bottom-right with more queries than keys) has no distribution: attention
/// gives it NaN, as PyTorch does.
public func causalMask<Scalar: TensorScalar>(
    queries: Int, keys: Int, alignment: CausalAlignment = .topLeft,
    as _: Scalar.Type = Scalar.self
) -> Tensor<Scalar> {
    guard queries >= 0, keys >= 0 else {
        fatalError(
            "causalMask(queries:keys:alignment:as:): \(queries) queries and \(keys) keys "
                + "must not be negative")
    }
    let offset = alignment == .topLeft ? 0 : keys - queries
    return Tensor(
        (0..<(queries * keys)).map { $0 % keys > $0 / keys + offset ? 1 : 0 },
        shape: [queries, keys])
}
