// Two-dimensional convolution as free functions: the cross-correlation every framework calls
// "convolution", and the true convolution of mathematics, which flips the kernel first.

/// The two-dimensional cross-correlation of an NHWC batch with a kernel, as `Conv2D` and every
/// framework compute it:
/// `y[n, i, j, f] = Σ_{u, v, c} x[n, i·sᵧ + u - pₜ, j·sₓ + v - pₗ, c] · K[u, v, c, f]`.
///
/// `input` has shape `[batch, height, width, channels]` (NHWC) and `kernel` shape
/// `[kernelHeight, kernelWidth, channels, filters]` (HWIO, TensorFlow's layout); positions in
/// the padding count as zero. The result has shape
/// `[batch, outputHeight, outputWidth, filters]`. Computed by gathering every window into a
/// row of a matrix (im2col) and multiplying that matrix by the kernel, so the work runs on
/// the library's SIMD matrix multiply. Differentiable in both `input` and `kernel`.
public func crossCorrelate2D<Scalar>(
    _ input: Tensor<Scalar>, kernel: Tensor<Scalar>, strides: (Int, Int) = (1, 1),
    padding: Padding = .valid
) -> Tensor<Scalar> {
    guard kernel.rank == 4, input.rank == 4, kernel.shape[2] == input.shape[3] else {
        fatalError(
            "crossCorrelate2D: input of shape \(input.shape) [batch, height, width, channels] "
                + "and kernel of shape \(kernel.shape) [height, width, channels, filters] do "
                + "not match")
    }
    let geometry = ConvolutionGeometry(
        inputShape: input.shape, kernel: (kernel.shape[0], kernel.shape[1]), strides: strides,
        padding: padding, for: "crossCorrelate2D")
    let filters = kernel.shape[3]
    let patches = Primitive.patches(input, geometry)
    let product = denseProduct(patches, kernel.reshaped(to: [geometry.patchSize, filters]))
    return product.reshaped(
        to: [geometry.batch, geometry.outputHeight, geometry.outputWidth, filters])
}

/// The true two-dimensional convolution of mathematics: the kernel is flipped in both spatial
/// directions before sliding, `y[n, i, j, f] = Σ_{u, v, c} x[n, i - u, j - v, c] · K[u, v, c, f]`
/// (up to the offset that padding and the kernel's size introduce).
///
/// It equals ``crossCorrelate2D(_:kernel:strides:padding:)`` with the kernel rotated
/// by 180°, which is how it is computed. For a symmetric kernel the two agree; for a learned
/// kernel the difference does not matter, since a network simply learns the flipped weights.
public func convolve2D<Scalar>(
    _ input: Tensor<Scalar>, kernel: Tensor<Scalar>, strides: (Int, Int) = (1, 1),
    padding: Padding = .valid
) -> Tensor<Scalar> {
    guard kernel.rank == 4 else {
        fatalError(
            "convolve2D: kernel of shape \(kernel.shape) needs shape "
                + "[height, width, channels, filters]")
    }
    let flipped =
        kernel
        .gathered(Array((0..<kernel.shape[0]).reversed()), alongAxis: 0)
        .gathered(Array((0..<kernel.shape[1]).reversed()), alongAxis: 1)
    return crossCorrelate2D(
        input, kernel: flipped, strides: strides, padding: padding)
}
