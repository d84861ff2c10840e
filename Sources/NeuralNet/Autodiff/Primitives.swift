/// The closed set of primitive operations, each with its derivative rule.
///
/// Every differentiable operation in the library is one of these or is built from them, so this
/// file is the whole of the calculus the library knows. Each entry computes its result with a
/// kernel and states its rule as a *pullback*: given `dy`, the gradient of the loss with
/// respect to the result `y`, it returns the gradient with respect to each input. The chain
/// rule is that simple: `dL/dx = dL/dy · dy/dx`.
///
/// Rules receive their inputs and result detached from the graph, so the arithmetic inside a
/// rule records nothing; this library computes first derivatives only. A rule is only built,
/// and only run, for an input that requires a gradient.
///
/// The entries a training step runs most carry `@_specialize` for `Float` and `Double`: called
/// from generic code (a chapter's, or a layer's), they then run a concrete copy, without the
/// generic metadata lookups that otherwise cost as much as the arithmetic on small tensors.
enum Primitive<Scalar: TensorScalar> {
    typealias T = Tensor<Scalar>

    // MARK: - Binary, elementwise with broadcasting
    // Each rule gives the gradient at the broadcast shape; `binary` sums it back to the shape
    // of its operand (a bias added to every row receives the sum over the rows).

    /// `y = a + b`; `dy/da = 1`, `dy/db = 1`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func add(_ a: T, _ b: T) -> T {
        binary("add", a, b, .add, da: { _, _, _, dy in dy }, db: { _, _, _, dy in dy })
    }

    /// `y = a - b`; `dy/da = 1`, `dy/db = -1`.
    static func subtract(_ a: T, _ b: T) -> T {
        binary("subtract", a, b, .subtract, da: { _, _, _, dy in dy }, db: { _, _, _, dy in -dy })
    }

    /// `y = a · b`; `dy/da = b`, `dy/db = a`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func multiply(_ a: T, _ b: T) -> T {
        binary(
            "multiply", a, b, .multiply, da: { _, b, _, dy in dy * b },
            db: { a, _, _, dy in dy * a })
    }

    /// `y = a / b`; `dy/da = 1 / b`, `dy/db = -a / b² = -y / b`.
    static func divide(_ a: T, _ b: T) -> T {
        binary(
            "divide", a, b, .divide, da: { _, b, _, dy in dy / b },
            db: { _, b, y, dy in -dy * y / b })
    }

    /// `y = mask ? a : b` for a constant mask of 0s and 1s; `dy/da = mask`, `dy/db = 1 - mask`.
    static func select(_ mask: T, _ a: T, _ b: T) -> T {
        let shape = Shape.broadcast(
            Shape.broadcast(mask.shape, a.shape, for: "which"), b.shape, for: "which")
        let m = mask.detached().broadcasted(to: shape)
        let x = a.detached().broadcasted(to: shape)
        let z = b.detached().broadcasted(to: shape)
        let scalars = zip(m.scalars, zip(x.scalars, z.scalars)).map { $0 != 0 ? $1.0 : $1.1 }
        let y = T(shape: shape, scalars: scalars, node: nil)
        let (aShape, bShape) = (a.shape, b.shape)
        return record("select", [a, b], y) {
            [
                { dy in (dy * m).summed(toShape: aShape) },
                { dy in (dy * (1 - m)).summed(toShape: bShape) },
            ]
        }
    }

    // MARK: - Unary, elementwise

    /// `y = -x`; `dy/dx = -1`.
    static func negate(_ x: T) -> T {
        unary("negate", x, .negate) { _, _, dy in -dy }
    }

    /// `y = eˣ`; `dy/dx = eˣ = y`.
    static func exp(_ x: T) -> T {
        unary("exp", x, .exp) { _, y, dy in dy * y }
    }

    /// `y = ln x`; `dy/dx = 1 / x`.
    static func log(_ x: T) -> T {
        unary("log", x, .log) { x, _, dy in dy / x }
    }

    /// `y = √x`; `dy/dx = 1 / (2√x) = 1 / (2y)`.
    static func sqrt(_ x: T) -> T {
        unary("sqrt", x, .squareRoot) { _, y, dy in dy / (2 * y) }
    }

    /// `y = xᵖ` for a constant `p`; `dy/dx = p·xᵖ⁻¹`.
    static func pow(_ x: T, _ exponent: Scalar) -> T {
        unary("pow", x, .power(exponent)) { x, _, dy in
            dy * (exponent * x.mapped(.power(exponent - 1)))
        }
    }

    /// `y = tanh x`; `dy/dx = 1 - tanh² x = 1 - y²`.
    static func tanh(_ x: T) -> T {
        unary("tanh", x, .tanh) { _, y, dy in dy * (1 - y * y) }
    }

    /// `y = σ(x) = 1 / (1 + e⁻ˣ)`; `dy/dx = σ(x)(1 - σ(x)) = y(1 - y)`.
    static func sigmoid(_ x: T) -> T {
        unary("sigmoid", x, .sigmoid) { _, y, dy in dy * y * (1 - y) }
    }

    /// `y = max(0, x)`; `dy/dx = 1` for `x > 0` and `0` for `x ≤ 0`, so `0` at exactly 0.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func relu(_ x: T) -> T {
        unary("relu", x, .relu) { x, _, dy in
            // `dy * x.mapped(.positiveStep)`, in one pass.
            T(
                shape: dy.shape,
                scalars: ElementwiseKernel.multiplyByPositiveStep(dy.scalars, of: x.scalars),
                node: nil)
        }
    }

    /// `y = x` for `x > 0`, else `αx`; `dy/dx = 1` for `x > 0`, else `α`.
    static func leakyRelu(_ x: T, negativeSlope: Scalar) -> T {
        unary("leakyRelu", x, .leakyRelu(negativeSlope: negativeSlope)) { x, _, dy in
            dy * x.mapped(.leakyReluSlope(negativeSlope: negativeSlope))
        }
    }

    /// `y = x` for `x > 0`, else `α(eˣ - 1)`; `dy/dx = 1` for `x > 0`, else `αeˣ`.
    static func elu(_ x: T, alpha: Scalar) -> T {
        unary("elu", x, .elu(alpha: alpha)) { x, _, dy in dy * x.mapped(.eluSlope(alpha: alpha)) }
    }

    // MARK: - Shape
    // These move elements without changing them, so each rule moves the gradient back.

    /// `y` = the elements of `x` in a new shape; `dx` = `dy` in the old shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func reshape(_ x: T, to shape: [Int]) -> T {
        let (y, oldShape) = (T(shape: shape, scalars: x.scalars, node: nil), x.shape)
        return record("reshape", [x], y) { [{ dy in dy.reshaped(to: oldShape) }] }
    }

    /// `y[i₀…] = x[i at axes…]`, axes permuted; `dx` = `dy` permuted by the inverse.
    static func permute(_ x: T, _ axes: [Int]) -> T {
        let y = LayoutKernel.permute(x.detached(), axes)
        var inverse = axes
        for (position, axis) in axes.enumerated() { inverse[axis] = position }
        let inverseAxes = inverse
        return record("permute", [x], y) { [{ dy in dy.permuted(inverseAxes) }] }
    }

    /// `y` = `x` repeated along broadcast dimensions; `dx` = `dy` summed over them.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func broadcast(_ x: T, to shape: [Int]) -> T {
        let zero = T(shape: [], scalars: [0], node: nil)
        Shape.requireBroadcastable(x.shape, to: shape, for: "broadcasted(to:)")
        let y = T(
            shape: shape, scalars: ElementwiseKernel.combine(x, zero, .add, shape: shape),
            node: nil)
        let oldShape = x.shape
        return record("broadcast", [x], y) { [{ dy in dy.summed(toShape: oldShape) }] }
    }

    /// `y` = the elements of `x` at `indices` along `axis` (a range is a run of indices);
    /// `dx` = zeros with `dy` added at those positions.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func gather(_ x: T, _ indices: [Int], alongAxis axis: Int) -> T {
        let (y, oldShape) = (LayoutKernel.gather(x.detached(), indices, alongAxis: axis), x.shape)
        return record("gather", [x], y) {
            [{ dy in LayoutKernel.scatterAdd(dy, indices, alongAxis: axis, into: oldShape) }]
        }
    }

    /// `y` = the tensors joined along `axis`; each `dxᵢ` is its slice of `dy`.
    static func concatenate(_ xs: [T], alongAxis axis: Int) -> T {
        let y = LayoutKernel.concatenate(xs.map { $0.detached() }, alongAxis: axis)
        var starts = [0]
        for x in xs { starts.append(starts.last! + x.shape[axis]) }
        return record("concatenate", xs, y) {
            xs.indices.map { index in
                let positions = Array(starts[index]..<starts[index + 1])
                return { dy in LayoutKernel.gather(dy, positions, alongAxis: axis) }
            }
        }
    }

    // MARK: - Reduction

    /// `y = Σ x` over `axes`; `dy/dx = 1`, so every element receives the gradient of its sum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sum(_ x: T, alongAxes axes: [Int], keepingDimensions: Bool) -> T {
        let kept = ReductionKernel.sum(x.detached(), alongAxes: axes)
        let y =
            keepingDimensions ? kept : kept.withShape(ReductionKernel.dropping(axes, from: x.shape))
        let (keptShape, oldShape) = (kept.shape, x.shape)
        return record("sum", [x], y) {
            [{ dy in dy.reshaped(to: keptShape).broadcasted(to: oldShape) }]
        }
    }

    /// `y = max x` along `axis`; the gradient goes to the first element that is the maximum.
    static func max(_ x: T, alongAxis axis: Int, keepingDimensions: Bool) -> T {
        let (kept, indices) = ReductionKernel.max(x.detached(), alongAxis: axis)
        let y =
            keepingDimensions
            ? kept : kept.withShape(ReductionKernel.dropping([axis], from: x.shape))
        let (keptShape, oldShape) = (kept.shape, x.shape)
        return record("max", [x], y) {
            [
                { dy in
                    ReductionKernel.scatter(
                        dy.reshaped(to: keptShape), atIndices: indices, alongAxis: axis,
                        into: oldShape)
                }
            ]
        }
    }

    // MARK: - Matrix multiply

    /// `Y = A·B` for each matrix of a batch; `dA = dY·Bᵀ`, `dB = Aᵀ·dY`.
    ///
    /// An operand shared by the whole batch (rank 2) receives the sum over the batch.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func matmul(_ a: T, _ b: T, settings: ComputeSettings) -> T {
        let (left, right) = (a.detached(), b.detached())
        let y = MatrixMultiply.multiply(left, right, settings: settings)
        return record("matmul", [a, b], y) {
            [
                { dy in
                    MatrixMultiply.multiply(dy, right, transposingRight: true, settings: settings)
                        .summed(toShape: left.shape)
                },
                { dy in
                    MatrixMultiply.multiplyTransposingLeft(
                        left, dy, into: right.shape, settings: settings)
                },
            ]
        }
    }

    // MARK: - Fused loss

    /// `y = (1/N) Σₙ (log Σⱼ e^zₙⱼ - zₙ,labelₙ)`, the mean softmax cross-entropy of `N` rows of
    /// logits; `dy/dz = (softmax(z) - onehot(labels)) / N`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func softmaxCrossEntropy(logits z: T, labels: [Int]) -> T {
        let (loss, probabilities) = SoftmaxKernel.crossEntropy(z.detached(), labels: labels)
        let y = T(shape: [], scalars: [loss], node: nil)
        return record("softmaxCrossEntropy", [z], y) {
            [
                { dy in
                    SoftmaxKernel.crossEntropyGradient(
                        probabilities, labels: labels, scale: dy.scalar)
                }
            ]
        }
    }

    /// `yₙ = log Σⱼ e^zₙⱼ - zₙ,labelₙ` for each of `N` rows, shape `[N]`;
    /// `dzₙ = dyₙ · (softmax(zₙ) - onehot(labelₙ))`.
    static func softmaxCrossEntropyTerms(logits z: T, labels: [Int]) -> T {
        let (terms, probabilities) = SoftmaxKernel.crossEntropyTerms(z.detached(), labels: labels)
        let y = T(shape: [labels.count], scalars: terms, node: nil)
        return record("softmaxCrossEntropyTerms", [z], y) {
            [
                { dy in
                    SoftmaxKernel.crossEntropyGradient(
                        probabilities, labels: labels, rowScales: dy.scalars)
                }
            ]
        }
    }
}
