/// A contiguous range along one axis as a primitive whose copy loops are specialised for
/// `Float` and `Double`. The recurrent layers take one per step (a time step of the input,
/// the halves of an LSTM state), where the core's general `gathered` spends most of its
/// time in generic code.
extension Primitive {
    /// `y = x[…, range, …]` along `axis`; `dx` is zero except `dy` at the range.
    static func slice(_ x: T, alongAxis axis: Int, _ range: Range<Int>) -> T {
        let (outer, size, inner) = Shape.split(x.shape, at: axis)
        guard range.lowerBound >= 0, range.upperBound <= size else {
            fatalError(
                "slice: range \(range) is out of bounds for axis \(axis) of shape \(x.shape)")
        }
        var shape = x.shape
        shape[axis] = range.count
        let y = T(
            shape: shape,
            scalars: SliceKernel.copy(
                x.scalars, outer: outer, from: size * inner, range.lowerBound * inner,
                to: range.count * inner),
            node: nil)
        let oldShape = x.shape
        return record("slice", [x], y) {
            [
                { dy in
                    T(
                        shape: oldShape,
                        scalars: SliceKernel.place(
                            dy.scalars, outer: outer, into: size * inner,
                            at: range.lowerBound * inner),
                        node: nil)
                }
            ]
        }
    }
}

/// The copy loops of ``Primitive/slice(_:alongAxis:_:)``, on rows of a matrix
/// `[outer, rowLength]`.
enum SliceKernel {
    /// Columns `start..<start + length` of each of `outer` rows `rowLength` long.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func copy<Scalar: TensorScalar>(
        _ x: [Scalar], outer: Int, from rowLength: Int, _ start: Int, to length: Int
    ) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: outer * length) { output, initialized in
            x.withUnsafeBufferPointer { input in
                for row in 0..<outer {
                    (output.start + row * length).initialize(
                        from: input.start + row * rowLength + start, count: length)
                }
            }
            initialized = outer * length
        }
    }

    /// Zero rows `rowLength` long with each row of `values` placed at column `start`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func place<Scalar: TensorScalar>(
        _ values: [Scalar], outer: Int, into rowLength: Int, at start: Int
    ) -> [Scalar] {
        let length = outer == 0 ? 0 : values.count / outer
        var result = [Scalar](repeating: 0, count: outer * rowLength)
        result.withUnsafeMutableBufferPointer { output in
            values.withUnsafeBufferPointer { input in
                for row in 0..<outer {
                    (output.start + row * rowLength + start).update(
                        from: input.start + row * length, count: length)
                }
            }
        }
        return result
    }
}
