import Testing

@testable import NeuralNet

/// Pooling written as literal loops: `combine` reduces each window's values.
private func naivePool(
    _ x: Tensor<Double>, size: (Int, Int), strides: (Int, Int), _ combine: ([Double]) -> Double
) -> [Double] {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (oh, ow) = ((h - size.0) / strides.0 + 1, (w - size.1) / strides.1 + 1)
    var y: [Double] = []
    for b in 0..<n {
        for i in 0..<oh {
            for j in 0..<ow {
                for channel in 0..<c {
                    var window: [Double] = []
                    for u in 0..<size.0 {
                        for v in 0..<size.1 {
                            let (row, column) = (i * strides.0 + u, j * strides.1 + v)
                            window.append(x.scalars[((b * h + row) * w + column) * c + channel])
                        }
                    }
                    y.append(combine(window))
                }
            }
        }
    }
    return y
}

@Suite struct PoolingTests {
    @Test func maxPoolMatchesLoops() {
        let x = probe([2, 7, 6, 3], seed: 1)
        let layer = MaxPool2D<Double>(poolSize: (2, 3), strides: (2, 1))
        let y = layer(x)
        #expect(y.shape == [2, 3, 4, 3])
        expectClose(y.scalars, naivePool(x, size: (2, 3), strides: (2, 1)) { $0.max()! })
    }

    @Test func avgPoolMatchesLoops() {
        let x = probe([2, 7, 6, 3], seed: 2)
        let layer = AvgPool2D<Double>(poolSize: (3, 2))
        let y = layer(x)
        #expect(y.shape == [2, 2, 3, 3])
        expectClose(
            y.scalars, naivePool(x, size: (3, 2), strides: (3, 2)) { $0.reduce(0, +) / 6 })
    }

    @Test func poolingGradientsMatchFiniteDifferences() {
        // Distinct random values: no ties, so the maximum is differentiable.
        let x = probe([2, 5, 4, 2], seed: 3)
        let weights = probe([2, 2, 3, 2], seed: 4)
        expectGradientMatches(at: x) {
            (MaxPool2D<Double>(poolSize: (2, 2), strides: (2, 1))($0) * weights).sum()
        }
        expectGradientMatches(at: x) {
            (AvgPool2D<Double>(poolSize: (2, 2), strides: (2, 1))($0) * weights).sum()
        }
    }

    @Test func maxPoolSendsTheGradientToTheMaximum() {
        let x = Tensor<Double>([1, 5, 3, 2], shape: [1, 2, 2, 1])
        let slope = gradient(at: x) { MaxPool2D<Double>(poolSize: (2, 2))($0).sum() }
        #expect(slope.scalars == [0, 1, 0, 0])
    }
}
