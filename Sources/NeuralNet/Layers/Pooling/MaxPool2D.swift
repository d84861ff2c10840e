/// Two-dimensional max pooling over an NHWC batch:
/// `y[n, i, j, c] = max_{u < kh, v < kw} x[n, i·sᵧ + u, j·sₓ + v, c]`.
///
/// With ``Padding/valid`` (the default) windows only visit positions where they fit; with
/// ``Padding/same`` the output is `⌈n / s⌉` along each axis, as in TensorFlow and Keras,
/// and window elements in the padding are ignored (never the maximum). The gradient of each
/// output goes to the input element that was the maximum (the first one in row-major window
/// order on a tie). ``callAsFunction(returningIndices:)`` also says where each maximum was,
/// for ``maxUnpool(_:indices:shape:)``.
public struct MaxPool2D<Scalar: TensorScalar>: Layer {
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
        set { requireNoParameters(newValue, for: "MaxPool2D") }
    }

    /// The maximum of every window.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        callAsFunction(returningIndices: input).output
    }

    /// The maximum of every window, and where each was found, as PyTorch's
    /// `return_indices=True`: `indices[k]` is the flat row-major index into `input.scalars`
    /// of the element that output element `k` took, so `input.scalars[indices[k]] ==
    /// output.scalars[k]`. On a tie the first maximum in row-major window order wins.
    ///
    /// Unlike PyTorch, whose indices count within each channel's plane, these count over the
    /// whole NHWC input. `maxUnpool(output, indices: indices, shape: input.shape)` puts each
    /// maximum back in its place.
    public func callAsFunction(returningIndices input: Tensor<Scalar>) -> (
        output: Tensor<Scalar>, indices: [Int]
    ) {
        Primitive.maxPool(
            input,
            ConvolutionGeometry(
                inputShape: input.shape, kernel: poolSize, strides: strides, padding: padding,
                for: "MaxPool2D"))
    }
}
