/// A two-dimensional convolution layer, computed as cross-correlation like every framework:
/// `y[n, i, j, f] = b[f] + Σ_{u, v, c} x[n, i·sᵧ + u - pₜ, j·sₓ + v - pₗ, c] · K[u, v, c, f]`.
///
/// Layout is **NHWC**: inputs `[batch, height, width, channels]`, outputs
/// `[batch, outputHeight, outputWidth, filters]`, kernel `[kernelHeight, kernelWidth,
/// channels, filters]` (HWIO), bias `[filters]`. See
/// ``crossCorrelate2D(_:kernel:strides:padding:)`` for the computation (im2col and
/// one matrix multiply) and ``Padding`` for the output sizes.
public struct Conv2D<Scalar: TensorScalar>: Layer {
    /// The kernel `K`, `[kernelHeight, kernelWidth, channels, filters]`.
    public var kernel: Tensor<Scalar>
    /// The bias `b`, `[filters]`.
    public var bias: Tensor<Scalar>
    /// The step of the window, vertically and horizontally.
    public let strides: (Int, Int)
    /// How the border is padded.
    public let padding: Padding

    /// A layer with a Glorot-uniform kernel (`fanIn = kh·kw·channels`,
    /// `fanOut = kh·kw·filters`) drawn from `generator`, and zero bias.
    public init(
        inputChannels: Int, filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1),
        padding: Padding = .valid, using generator: inout some RandomNumberGenerator
    ) {
        let receptive = kernelSize.0 * kernelSize.1
        let limit = Scalar((6 / Double(receptive * (inputChannels + filters))).squareRoot())
        kernel = .random(
            shape: [kernelSize.0, kernelSize.1, inputChannels, filters], in: -limit...limit,
            using: &generator)
        bias = .zeros(shape: [filters])
        self.strides = strides
        self.padding = padding
    }

    /// A layer with the given kernel (HWIO) and bias.
    public init(
        kernel: Tensor<Scalar>, bias: Tensor<Scalar>, strides: (Int, Int) = (1, 1),
        padding: Padding = .valid
    ) {
        guard kernel.rank == 4, bias.shape == [kernel.shape[3]] else {
            fatalError(
                "Conv2D(kernel:bias:): kernel \(kernel.shape) needs shape "
                    + "[height, width, channels, filters] and bias \(bias.shape) [filters]")
        }
        self.kernel = kernel
        self.bias = bias
        self.strides = strides
        self.padding = padding
    }

    /// The kernel and the bias, in that order.
    public var parameters: [Tensor<Scalar>] {
        get { [kernel, bias] }
        set { (kernel, bias) = (newValue[0], newValue[1]) }
    }

    /// The cross-correlation of `input` with the kernel, plus the bias.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        crossCorrelate2D(input, kernel: kernel, strides: strides, padding: padding) + bias
    }
}
