import Testing

@testable import NeuralNet

/// Cross-correlation written as the formula's literal loops, NHWC input, HWIO kernel.
func naiveCrossCorrelation(
    _ x: Tensor<Double>, _ kernel: Tensor<Double>, strides: (Int, Int), padding: Padding
) -> Tensor<Double> {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (kh, kw, f) = (kernel.shape[0], kernel.shape[1], kernel.shape[3])
    let (oh, ow, top, left): (Int, Int, Int, Int)
    switch padding {
    case .valid:
        (oh, ow, top, left) = ((h - kh) / strides.0 + 1, (w - kw) / strides.1 + 1, 0, 0)
    case .same:
        let (sh, sw) = ((h + strides.0 - 1) / strides.0, (w + strides.1 - 1) / strides.1)
        (oh, ow) = (sh, sw)
        top = max((sh - 1) * strides.0 + kh - h, 0) / 2
        left = max((sw - 1) * strides.1 + kw - w, 0) / 2
    }
    var y = [Double](repeating: 0, count: n * oh * ow * f)
    for b in 0..<n {
        for i in 0..<oh {
            for j in 0..<ow {
                for filter in 0..<f {
                    var sum = 0.0
                    for u in 0..<kh {
                        for v in 0..<kw {
                            let (row, column) = (i * strides.0 + u - top, j * strides.1 + v - left)
                            guard (0..<h).contains(row), (0..<w).contains(column) else { continue }
                            for channel in 0..<c {
                                sum +=
                                    x.scalars[((b * h + row) * w + column) * c + channel]
                                    * kernel.scalars[((u * kw + v) * c + channel) * f + filter]
                            }
                        }
                    }
                    y[((b * oh + i) * ow + j) * f + filter] = sum
                }
            }
        }
    }
    return Tensor(y, shape: [n, oh, ow, f])
}

@Suite struct ConvolutionTests {
    @Test(arguments: [
        ([2, 7, 5, 3], [3, 2, 3, 4], (1, 1), Padding.valid),
        ([2, 7, 5, 3], [3, 2, 3, 4], (1, 1), Padding.same),
        ([1, 9, 8, 2], [3, 3, 2, 3], (2, 3), Padding.same),
        ([1, 9, 8, 2], [4, 3, 2, 3], (2, 3), Padding.valid),
        ([3, 6, 6, 1], [5, 5, 1, 2], (2, 2), Padding.same),
    ])
    func crossCorrelationMatchesLoops(
        inputShape: [Int], kernelShape: [Int], strides: (Int, Int), padding: Padding
    ) {
        let x = probe(inputShape, seed: 1)
        let kernel = probe(kernelShape, seed: 2)
        let fast = crossCorrelate2D(x, kernel: kernel, strides: strides, padding: padding)
        let slow = naiveCrossCorrelation(x, kernel, strides: strides, padding: padding)
        #expect(fast.shape == slow.shape)
        expectClose(fast.scalars, slow.scalars)
    }

    @Test func samePaddingGivesTheCeilingOfSizeOverStride() {
        let x = Tensor<Double>.zeros(shape: [1, 5, 7, 1])
        let kernel = Tensor<Double>.zeros(shape: [3, 3, 1, 2])
        #expect(crossCorrelate2D(x, kernel: kernel, padding: .same).shape == [1, 5, 7, 2])
        #expect(
            crossCorrelate2D(x, kernel: kernel, strides: (2, 2), padding: .same).shape
                == [1, 3, 4, 2])
        #expect(crossCorrelate2D(x, kernel: kernel).shape == [1, 3, 5, 2])
    }

    @Test func handWorkedCorrelationAndConvolution() {
        let x = Tensor<Double>((1...9).map(Double.init), shape: [1, 3, 3, 1])
        let kernel = Tensor<Double>([1, 0, 0, -1], shape: [2, 2, 1, 1])
        // Cross-correlation: top-left minus bottom-right of each window, 1 - 5 = -4.
        #expect(crossCorrelate2D(x, kernel: kernel).scalars == [-4, -4, -4, -4])
        // Convolution flips the kernel: bottom-right minus top-left, 5 - 1 = 4.
        #expect(convolve2D(x, kernel: kernel).scalars == [4, 4, 4, 4])
    }

    @Test func convolutionIsCorrelationWithTheFlippedKernel() {
        let x = probe([2, 6, 5, 2], seed: 3)
        let kernel = probe([3, 2, 2, 3], seed: 4)
        var flipped = [Double](repeating: 0, count: kernel.scalarCount)
        for u in 0..<3 {
            for v in 0..<2 {
                for rest in 0..<6 {
                    flipped[((2 - u) * 2 + (1 - v)) * 6 + rest] =
                        kernel.scalars[(u * 2 + v) * 6 + rest]
                }
            }
        }
        let convolved = convolve2D(x, kernel: kernel, strides: (2, 1), padding: .same)
        let expected = naiveCrossCorrelation(
            x, Tensor(flipped, shape: kernel.shape), strides: (2, 1), padding: .same)
        expectClose(convolved.scalars, expected.scalars)
    }

    @Test func gradientsMatchFiniteDifferences() {
        let x = probe([2, 5, 4, 2], seed: 5)
        let kernel = probe([3, 2, 2, 3], seed: 6)
        let weights = probe([2, 3, 2, 3], seed: 7)
        func loss(_ x: Tensor<Double>, _ k: Tensor<Double>) -> Tensor<Double> {
            (crossCorrelate2D(x, kernel: k, strides: (2, 2), padding: .same) * weights).sum()
        }
        expectGradientMatches(at: x) { loss($0, kernel) }
        expectGradientMatches(at: kernel) { loss(x, $0) }
        expectGradientMatches(at: kernel) { k in
            (convolve2D(x, kernel: k, strides: (2, 2), padding: .same) * weights).sum()
        }
    }

    @Test func conv2DLayerAddsTheBiasAndChecksItsGradients() {
        var generator = SeededGenerator(seed: 8)
        var layer = Conv2D<Double>(
            inputChannels: 2, filters: 3, kernelSize: (3, 3), padding: .same, using: &generator)
        layer.bias = Tensor([0.5, -0.5, 1])
        let x = probe([2, 4, 4, 2], seed: 9)
        let expected = naiveCrossCorrelation(x, layer.kernel, strides: (1, 1), padding: .same)
        expectClose(
            layer(x).scalars,
            expected.scalars.enumerated().map { $0.element + layer.bias.scalars[$0.offset % 3] })
        let weights = probe([2, 4, 4, 3], seed: 10)
        expectParameterGradientsMatch(layer) { ($0(x) * weights).sum() }
    }

    @Test func mismatchedChannelsNameTheShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = crossCorrelate2D(
                Tensor<Double>.zeros(shape: [1, 4, 4, 3]),
                kernel: Tensor<Double>.zeros(shape: [3, 3, 2, 1]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("crossCorrelate2D: input of shape [1, 4, 4, 3]"))
        #expect(message.contains("kernel of shape [3, 3, 2, 1]"))
    }
}
