/// The sizes of a two-dimensional window operation over an NHWC batch: input, window, strides,
/// padding and the output size they imply.
struct ConvolutionGeometry: Sendable, Equatable {
    let batch: Int
    let height: Int
    let width: Int
    let channels: Int
    let kernelHeight: Int
    let kernelWidth: Int
    let strideY: Int
    let strideX: Int
    let padTop: Int
    let padLeft: Int
    let outputHeight: Int
    let outputWidth: Int

    /// The geometry of a `kernel` window moved with `strides` over an input of shape
    /// `[batch, height, width, channels]`.
    init(
        inputShape: [Int], kernel: (Int, Int), strides: (Int, Int), padding: Padding,
        for operation: String
    ) {
        guard inputShape.count == 4 else {
            fatalError(
                "\(operation): input of shape \(inputShape) needs shape "
                    + "[batch, height, width, channels]")
        }
        guard strides.0 >= 1, strides.1 >= 1, kernel.0 >= 1, kernel.1 >= 1 else {
            fatalError(
                "\(operation): window \(kernel) and strides \(strides) must be at least 1")
        }
        (batch, height, width, channels) = (
            inputShape[0], inputShape[1], inputShape[2], inputShape[3]
        )
        (kernelHeight, kernelWidth) = kernel
        (strideY, strideX) = strides
        func size(_ n: Int, _ k: Int, _ s: Int) -> (output: Int, padBefore: Int) {
            switch padding {
            case .valid: return (n >= k ? (n - k) / s + 1 : 0, 0)
            case .same:
                let output = (n + s - 1) / s
                return (output, max((output - 1) * s + k - n, 0) / 2)
            }
        }
        (outputHeight, padTop) = size(height, kernelHeight, strideY)
        (outputWidth, padLeft) = size(width, kernelWidth, strideX)
        guard outputHeight > 0, outputWidth > 0 else {
            fatalError(
                "\(operation): a \(kernelHeight)×\(kernelWidth) window does not fit an input "
                    + "of shape \(inputShape) with \(padding) padding")
        }
    }

    /// The length of one patch: `kernelHeight · kernelWidth · channels`.
    var patchSize: Int { kernelHeight * kernelWidth * channels }
    /// The number of output positions over the batch: `batch · outputHeight · outputWidth`.
    var patchCount: Int { batch * outputHeight * outputWidth }
}
