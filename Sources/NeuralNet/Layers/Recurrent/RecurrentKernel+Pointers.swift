/// Pointers to the storage of several arrays at once, so the sequence kernels' loops index
/// them directly without a closure per array. Every array must be non-empty.
extension RecurrentKernel {
    typealias Read<Scalar> = UnsafePointer<Scalar>
    typealias Write<Scalar> = UnsafeMutablePointer<Scalar>

    @inline(__always)
    static func withPointers<Scalar, Result>(
        _ a: [Scalar], _ b: [Scalar], _ body: (Read<Scalar>, Read<Scalar>) -> Result
    ) -> Result {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in body(a.start, b.start) }
        }
    }

    @inline(__always)
    static func withPointers<Scalar, Result>(
        _ a: [Scalar], _ b: [Scalar], _ c: [Scalar],
        _ body: (Read<Scalar>, Read<Scalar>, Read<Scalar>) -> Result
    ) -> Result {
        withPointers(a, b) { a, b in c.withUnsafeBufferPointer { body(a, b, $0.start) } }
    }

    @inline(__always)
    static func withPointers<Scalar, Result>(
        _ a: [Scalar], _ b: [Scalar], _ c: [Scalar], _ d: [Scalar],
        _ body: (Read<Scalar>, Read<Scalar>, Read<Scalar>, Read<Scalar>) -> Result
    ) -> Result {
        withPointers(a, b, c) { a, b, c in
            d.withUnsafeBufferPointer { body(a, b, c, $0.start) }
        }
    }

    @inline(__always)
    static func withPointers<Scalar, Result>(
        _ a: [Scalar], _ b: [Scalar], _ c: [Scalar], _ d: [Scalar], _ e: [Scalar],
        _ body: (Read<Scalar>, Read<Scalar>, Read<Scalar>, Read<Scalar>, Read<Scalar>) -> Result
    ) -> Result {
        withPointers(a, b, c, d) { a, b, c, d in
            e.withUnsafeBufferPointer { body(a, b, c, d, $0.start) }
        }
    }

    @inline(__always)
    static func withMutablePointers<Scalar, Result>(
        _ a: inout [Scalar], _ b: inout [Scalar], _ c: inout [Scalar],
        _ body: (Write<Scalar>, Write<Scalar>, Write<Scalar>) -> Result
    ) -> Result {
        a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    body(a.start, b.start, c.start)
                }
            }
        }
    }

    @inline(__always)
    static func withMutablePointers<Scalar, Result>(
        _ a: inout [Scalar], _ b: inout [Scalar], _ c: inout [Scalar], _ d: inout [Scalar],
        _ body: (Write<Scalar>, Write<Scalar>, Write<Scalar>, Write<Scalar>) -> Result
    ) -> Result {
        d.withUnsafeMutableBufferPointer { d in
            withMutablePointers(&a, &b, &c) { a, b, c in body(a, b, c, d.start) }
        }
    }
}
