/// What the whole-sequence LSTM and GRU primitives share: their sizes, the input products of
/// every step at once, and the products that finish backpropagation through time.
enum RecurrentSequenceKernel {
    /// The sizes of a sequence batch.
    struct Shape: Sendable {
        let batch: Int
        let time: Int
        let inputSize: Int
        let hidden: Int
        /// Scalars in one step's `h` (or `c`) for the whole batch.
        var step: Int { batch * hidden }

        /// The sizes of batch-first `x` `[batch, time, inputSize]` for recurrent weight `u`.
        init<Scalar>(_ x: Tensor<Scalar>, recurrentWeight u: Tensor<Scalar>) {
            (batch, time, inputSize, hidden) = (x.shape[0], x.shape[1], x.shape[2], u.shape[0])
        }
    }

    /// The inputs time-major, `[time, batch, inputSize]`, and `xₜ·W + b` for every step,
    /// `[time, batch, width]`: one product for the whole sequence.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func inputProjections<Scalar: TensorScalar>(
        _ x: [Scalar], _ w: [Scalar], _ b: [Scalar], _ shape: Shape, width: Int
    ) -> (inputs: [Scalar], projections: [Scalar]) {
        let inputs = RecurrentKernel.swappingLeadingAxes(
            x[...], shape.batch, shape.time, width: shape.inputSize)
        var projections = RecurrentKernel.product(
            inputs, shape.time * shape.batch, shape.inputSize, w, shape.inputSize, width)
        RecurrentKernel.addBias(&projections, b, width: width)
        return (inputs, projections)
    }

    /// The products after the backward loop: `δX = δAₓ·Wᵀ` batch-first (empty unless
    /// `inputGradient`), `δW = Xᵀ·δAₓ` and `δU = Hᵀ·δAₕ`, where `H` is `h₀ … h_{T-1}`, the
    /// first `time` steps of `hiddens` (`h₀ … h_T`), and the `δA` are `[time, batch, width]`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func weightProducts<Scalar: TensorScalar>(
        inputs: [Scalar], dInput: [Scalar], w: [Scalar], hiddens: [Scalar],
        dRecurrent: [Scalar], _ shape: Shape, width: Int, inputGradient: Bool
    ) -> (dx: [Scalar], dw: [Scalar], du: [Scalar]) {
        let steps = shape.time * shape.batch
        let dx =
            inputGradient
            ? RecurrentKernel.swappingLeadingAxes(
                RecurrentKernel.product(
                    dInput, steps, width, w, shape.inputSize, width, transposingB: true)[...],
                shape.time, shape.batch, width: shape.inputSize) : []
        let dw = RecurrentKernel.product(
            inputs, steps, shape.inputSize, transposingA: true, dInput, steps, width)
        let du = RecurrentKernel.product(
            hiddens, steps, shape.hidden, transposingA: true, dRecurrent, steps, width)
        return (dx, dw, du)
    }
}

extension Primitive {
    /// The inputs' gradients from their scalars, each shaped like its input; an untracked
    /// input's (which the joint rule may leave empty) is a placeholder that is never read.
    static func gradients(of inputs: [T], _ scalars: [[Scalar]], tracked: [Bool]) -> [T] {
        zip(inputs, zip(scalars, tracked)).map { input, gradient in
            let (scalars, isTracked) = gradient
            return isTracked
                ? T(shape: input.shape, scalars: scalars, node: nil) : .zeros(shape: [])
        }
    }
}
