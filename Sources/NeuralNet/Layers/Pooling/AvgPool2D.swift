/// Two-dimensional average pooling over an NHWC batch:
/// `y[n, i, j, c] = (1 / kh·kw) Σ_{u < kh, v < kw} x[n, i·sᵧ + u, j·sₓ + v, c]`.
///
/// Windows only visit positions where they fit (valid padding). Each input element receives
/// `1 / kh·kw` of the gradient of every window it belongs to.
public struct AvgPool2D<Scalar: TensorScalar>: Layer {
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
        set { requireNoParameters(newValue, for: "AvgPool2D") }
    }

    /// The mean of every window.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        Primitive.averagePool(
            input,
            ConvolutionGeometry(
                inputShape: input.shape, kernel: poolSize, strides: strides, padding: .valid,
                for: "AvgPool2D"))
    }
}
