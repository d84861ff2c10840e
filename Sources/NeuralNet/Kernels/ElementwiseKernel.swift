/// Loops that apply an elementwise function to whole tensors.
///
/// Each entry point is specialised for `Float` and `Double`, so that from generic code the loop
/// runs on concrete arithmetic, with no generic dispatch per element. For a binary operation
/// the function is chosen once per row (`switch` outside the loop), and a row whose operands
/// are both contiguous is a plain loop the compiler can vectorise.
enum ElementwiseKernel {
    /// `f(x)` for every element of `x`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func map<Scalar: TensorScalar>(_ x: [Scalar], _ function: UnaryOperation<Scalar>)
        -> [Scalar]
    {
        x.withUnsafeBufferPointer { input in
            [Scalar](unsafeUninitializedCapacity: input.count) { output, count in
                switch function {
                case .negate: apply(input, output) { -$0 }
                case .relu: apply(input, output) { $0 > 0 || $0.isNaN ? $0 : 0 }
                case .positiveStep: apply(input, output) { $0 > 0 ? 1 : 0 }
                default: apply(input, output) { function($0) }
                }
                count = input.count
            }
        }
    }

    /// `a[i] - b[i]·scale` for arrays of equal length, with the product rounded before the
    /// difference (no fused multiply-add): the SGD step.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func subtractScaled<Scalar: TensorScalar>(
        _ a: [Scalar], _ b: [Scalar], _ scale: Scalar
    ) -> [Scalar] {
        precondition(a.count == b.count, "subtractScaled: \(a.count) against \(b.count) scalars")
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [Scalar](unsafeUninitializedCapacity: a.count) { output, count in
                    for i in 0..<a.count { output[i] = a[i] - b[i] * scale }
                    count = a.count
                }
            }
        }
    }

    /// `dy[i]·(x[i] > 0 ? 1 : 0)` for arrays of equal length: ReLU's derivative rule in one
    /// pass, the same values (a negative `dy` against a non-positive `x` gives -0, a NaN or
    /// infinite `dy` NaN) as multiplying by the step function's tensor.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func multiplyByPositiveStep<Scalar: TensorScalar>(_ dy: [Scalar], of x: [Scalar])
        -> [Scalar]
    {
        precondition(
            dy.count == x.count, "multiplyByPositiveStep: \(dy.count) against \(x.count) scalars")
        return dy.withUnsafeBufferPointer { dy in
            x.withUnsafeBufferPointer { x in
                [Scalar](unsafeUninitializedCapacity: dy.count) { output, count in
                    for i in 0..<dy.count { output[i] = dy[i] * (x[i] > 0 ? 1 : 0) }
                    count = dy.count
                }
            }
        }
    }

    /// `f(a, b)` for every pair of elements of `a` and `b` broadcast to `shape`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func combine<Scalar: TensorScalar>(
        _ a: Tensor<Scalar>, _ b: Tensor<Scalar>, _ function: BinaryOperation, shape: [Int]
    ) -> [Scalar] {
        let count = shape.reduce(1, *)
        return a.scalars.withUnsafeBufferPointer { left in
            b.scalars.withUnsafeBufferPointer { right in
                [Scalar](unsafeUninitializedCapacity: count) { output, initialized in
                    defer { initialized = count }
                    guard count > 0 else { return }
                    let (l, r, o) = (left.start, right.start, output.start)
                    // Fast paths: equal shapes, or a single scalar against a full operand.
                    let (leftStride, rightStride) = (
                        left.count == 1 ? 0 : 1, right.count == 1 ? 0 : 1
                    )
                    if a.shape == b.shape
                        || (left.count == 1 || left.count == count)
                            && (right.count == 1 || right.count == count)
                    {
                        row(function, l, leftStride, r, rightStride, o, count)
                    } else if b.shape.last == shape.last, right.count == shape.last,
                        left.count == count
                    {
                        // A row (a bias) against every row of a full operand.
                        for start in stride(from: 0, to: count, by: right.count) {
                            row(function, l + start, 1, r, 1, o + start, right.count)
                        }
                    } else if a.shape.last == shape.last, left.count == shape.last,
                        right.count == count
                    {
                        for start in stride(from: 0, to: count, by: left.count) {
                            row(function, l, 1, r + start, 1, o + start, left.count)
                        }
                    } else {
                        broadcastRows(function, a.shape, l, b.shape, r, shape, o)
                    }
                }
            }
        }
    }

    /// Runs `row` over every row (last dimension) of the broadcast result, tracking where each
    /// operand's row starts with an odometer over the leading dimensions.
    @inline(__always)
    private static func broadcastRows<Scalar: TensorScalar>(
        _ function: BinaryOperation, _ aShape: [Int], _ a: UnsafePointer<Scalar>,
        _ bShape: [Int], _ b: UnsafePointer<Scalar>, _ shape: [Int],
        _ output: UnsafeMutablePointer<Scalar>
    ) {
        let aStrides = Shape.broadcastStrides(of: aShape, to: shape)
        let bStrides = Shape.broadcastStrides(of: bShape, to: shape)
        let last = shape.count - 1
        let length = shape[last]
        let rows = shape.reduce(1, *) / length
        var index = Array(repeating: 0, count: last)
        var (aOffset, bOffset) = (0, 0)
        for rowNumber in 0..<rows {
            row(
                function, a + aOffset, aStrides[last], b + bOffset, bStrides[last],
                output + rowNumber * length, length)
            // Advance the odometer over the leading dimensions.
            var axis = last - 1
            while axis >= 0 {
                index[axis] += 1
                aOffset += aStrides[axis]
                bOffset += bStrides[axis]
                if index[axis] < shape[axis] { break }
                aOffset -= aStrides[axis] * shape[axis]
                bOffset -= bStrides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// One row: `output[i] = f(a[i·aStride], b[i·bStride])`, each stride 0 or 1.
    @inline(__always)
    private static func row<Scalar: TensorScalar>(
        _ function: BinaryOperation, _ a: UnsafePointer<Scalar>, _ aStride: Int,
        _ b: UnsafePointer<Scalar>, _ bStride: Int, _ output: UnsafeMutablePointer<Scalar>,
        _ count: Int
    ) {
        switch function {
        case .add: strided(a, aStride, b, bStride, output, count, +)
        case .subtract: strided(a, aStride, b, bStride, output, count, -)
        case .multiply: strided(a, aStride, b, bStride, output, count, *)
        case .divide: strided(a, aStride, b, bStride, output, count, /)
        default: strided(a, aStride, b, bStride, output, count) { function($0, $1) }
        }
    }

    /// The loop of ``row``, written out for each pair of strides so each is a simple loop.
    @inline(__always)
    private static func strided<Scalar: TensorScalar>(
        _ a: UnsafePointer<Scalar>, _ aStride: Int, _ b: UnsafePointer<Scalar>, _ bStride: Int,
        _ output: UnsafeMutablePointer<Scalar>, _ count: Int,
        _ function: (Scalar, Scalar) -> Scalar
    ) {
        switch (aStride, bStride) {
        case (1, 1): for i in 0..<count { output[i] = function(a[i], b[i]) }
        case (1, _):
            let y = b[0]
            for i in 0..<count { output[i] = function(a[i], y) }
        case (_, 1):
            let x = a[0]
            for i in 0..<count { output[i] = function(x, b[i]) }
        default:
            let value = function(a[0], b[0])
            for i in 0..<count { output[i] = value }
        }
    }

    /// The loop of ``map``.
    @inline(__always)
    private static func apply<Scalar: TensorScalar>(
        _ input: UnsafeBufferPointer<Scalar>, _ output: UnsafeMutableBufferPointer<Scalar>,
        _ function: (Scalar) -> Scalar
    ) {
        for i in 0..<input.count { output[i] = function(input[i]) }
    }
}
