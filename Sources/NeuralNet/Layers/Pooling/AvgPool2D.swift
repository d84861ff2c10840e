/// Two-dimensional average pooling over an NHWC batch:
/// `y[n, i, j, c] = (1 / kh·kw) Σ_{u < kh, v < kw} x[n, i·sᵧ + u, j·sₓ + v, c]`.
///
/// With ``Padding/valid`` (the default) windows only visit positions where they fit; with
/// ``Padding/same`` the output is `⌈n / s⌉` along each axis, as in TensorFlow and Keras,
/// and window elements in the padding are ignored (the mean is over the elements inside
/// the input, so a corner window of 2×2 with one row and column of padding averages 1
/// element). Each input element receives `1 / k` of the gradient of every window it belongs
/// to, `k` the number of that window's elements inside the input (`kh·kw` without padding).
public struct AvgPool2D<Scalar: TensorScalar>: Layer {
    /// The window's height and width.
    public let poolSize: (Int, Int)
    /// The step of the window; by default the window's size, so windows do not overlap.
    public let strides: (Int, Int)

    /// How windows treat the border: ``Padding/valid`` or ``Padding/same``.
    public let padding: Padding

    /// A pooling layer with `poolSize` windows moved by `strides` (default: `poolSize`), with
    /// `padding` (default: valid).
    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid) {
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
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
                inputShape: input.shape, kernel: poolSize, strides: strides, padding: padding,
                for: "AvgPool2D"))
    }
}
