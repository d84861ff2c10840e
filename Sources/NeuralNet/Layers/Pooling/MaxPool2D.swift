/// Two-dimensional max pooling over an NHWC batch:
/// `y[n, i, j, c] = max_{u < kh, v < kw} x[n, i·sᵧ + u, j·sₓ + v, c]`.
///
/// Windows only visit positions where they fit (valid padding). The gradient of each output
/// goes to the input element that was the maximum (the first one on a tie).
public struct MaxPool2D<Scalar: TensorScalar>: Layer {
    /// The window's height and width.
    public let poolSize: (Int, Int)
    /// The step of the window; by default the window's size, so windows do not overlap.
    public let strides: (Int, Int)

    /// A pooling layer with `poolSize` windows moved by `strides` (default: `poolSize`).
    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil) {
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
    }

    /// None.
    public var parameters: [Tensor<Scalar>] {
        get { [] }
        set { requireNoParameters(newValue, for: "MaxPool2D") }
    }

    /// The maximum of every window.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        Primitive.maxPool(
            input,
            ConvolutionGeometry(
                inputShape: input.shape, kernel: poolSize, strides: strides, padding: .valid,
                for: "MaxPool2D"))
    }
}
