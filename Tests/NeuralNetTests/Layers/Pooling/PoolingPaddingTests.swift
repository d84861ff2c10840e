import Testing

@testable import NeuralNet

/// Pooling with TensorFlow's `same` padding written as literal loops: each window is clipped
/// to the input (total padding `max((⌈n/s⌉ - 1)·s + k - n, 0)`, the odd unit after), and
/// `combine` reduces the values inside.
private func naiveSamePool(
    _ x: Tensor<Double>, size: (Int, Int), strides: (Int, Int), _ combine: ([Double]) -> Double
) -> (shape: [Int], scalars: [Double]) {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (oh, ow) = ((h + strides.0 - 1) / strides.0, (w + strides.1 - 1) / strides.1)
    let top = max((oh - 1) * strides.0 + size.0 - h, 0) / 2
    let left = max((ow - 1) * strides.1 + size.1 - w, 0) / 2
    var y: [Double] = []
    for b in 0..<n {
        for i in 0..<oh {
            for j in 0..<ow {
                for channel in 0..<c {
                    var window: [Double] = []
                    for u in 0..<size.0 {
                        for v in 0..<size.1 {
                            let (row, column) = (i * strides.0 + u - top, j * strides.1 + v - left)
                            guard (0..<h).contains(row), (0..<w).contains(column) else {
                                continue
                            }
                            window.append(x.scalars[((b * h + row) * w + column) * c + channel])
                        }
                    }
                    y.append(combine(window))
                }
            }
        }
    }
    return ([n, oh, ow, c], y)
}

@Suite struct PoolingPaddingTests {
    @Test func samePaddingByHand() {
        // 1 2 3 / 4 5 6 / 7 8 9, 2×2 windows, stride 2: one row and column of padding, after.
        let x = Tensor<Double>([1, 2, 3, 4, 5, 6, 7, 8, 9], shape: [1, 3, 3, 1])
        let maxPooled = MaxPool2D<Double>(poolSize: (2, 2), padding: .same)(x)
        #expect(maxPooled.shape == [1, 2, 2, 1])
        #expect(maxPooled.scalars == [5, 6, 8, 9])
        let averaged = AvgPool2D<Double>(poolSize: (2, 2), padding: .same)(x)
        #expect(averaged.scalars == [3, 4.5, 7.5, 9])
        // A 3×3 window at stride 1 keeps the size, padding one on every side.
        let sliding = AvgPool2D<Double>(poolSize: (3, 3), strides: (1, 1), padding: .same)(x)
        #expect(sliding.shape == [1, 3, 3, 1])
        #expect(sliding.scalars[0] == (1 + 2 + 4 + 5) / 4)
        #expect(sliding.scalars[4] == 5)
    }

    @Test(arguments: [((2, 3), (2, 2)), ((3, 3), (1, 1)), ((2, 2), (3, 2)), ((4, 1), (2, 3))])
    func samePaddingMatchesLoops(size: (Int, Int), strides: (Int, Int)) {
        let x = probe([2, 5, 7, 3], seed: 5)
        let maxPooled = MaxPool2D<Double>(poolSize: size, strides: strides, padding: .same)(x)
        let expectedMax = naiveSamePool(x, size: size, strides: strides) { $0.max()! }
        #expect(maxPooled.shape == expectedMax.shape)
        expectClose(maxPooled.scalars, expectedMax.scalars)
        let averaged = AvgPool2D<Double>(poolSize: size, strides: strides, padding: .same)(x)
        let expectedMean = naiveSamePool(x, size: size, strides: strides) {
            $0.reduce(0, +) / Double($0.count)
        }
        #expect(averaged.shape == expectedMean.shape)
        expectClose(averaged.scalars, expectedMean.scalars)
    }

    @Test func samePaddingGradientsMatchFiniteDifferences() {
        let x = probe([2, 5, 4, 2], seed: 6)
        let weights = probe([2, 3, 2, 2], seed: 7)
        expectGradientMatches(at: x) {
            (MaxPool2D<Double>(poolSize: (3, 3), strides: (2, 2), padding: .same)($0) * weights)
                .sum()
        }
        expectGradientMatches(at: x) {
            (AvgPool2D<Double>(poolSize: (3, 3), strides: (2, 2), padding: .same)($0) * weights)
                .sum()
        }
    }
}
