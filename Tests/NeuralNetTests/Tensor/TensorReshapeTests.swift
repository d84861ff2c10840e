import Testing

@testable import NeuralNet

@Suite struct TensorReshapeTests {
    let x = Tensor<Double>((0..<6).map(Double.init), shape: [2, 3])

    @Test func reshapeKeepsRowMajorOrder() {
        #expect(x.reshaped(to: [3, 2]) == Tensor([0, 1, 2, 3, 4, 5], shape: [3, 2]))
        #expect(x.reshaped(to: [-1]).shape == [6])
        #expect(x.reshaped(to: [3, -1]).shape == [3, 2])
    }

    @Test func transposeOfAMatrix() {
        #expect(x.transposed() == Tensor([0, 3, 1, 4, 2, 5], shape: [3, 2]))
        #expect(x.transposed().transposed() == x)
    }

    @Test func permuteMatchesIndexArithmetic() {
        let y = Tensor<Double>((0..<24).map(Double.init), shape: [2, 3, 4])
        let p = y.permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        for i in 0..<4 {
            for j in 0..<2 {
                for k in 0..<3 {
                    // p[i, j, k] = y[j, k, i].
                    #expect(p.scalars[i * 6 + j * 3 + k] == y.scalars[j * 12 + k * 4 + i])
                }
            }
        }
    }

    @Test func expandAndSqueeze() {
        #expect(x.expandingDimension(at: 1).shape == [2, 1, 3])
        #expect(x.expandingDimension(at: -1).shape == [2, 3, 1])
        #expect(x.expandingDimension(at: 1).squeezingDimension(at: 1) == x)
    }

    @Test func gradientsFlowBack() {
        let weights = Tensor<Double>([1, -1, 2, 0.5, 3, -2], shape: [3, 2])
        let y = Tensor<Double>((0..<24).map { Double($0) / 10 }, shape: [2, 3, 4])
        #expect(gradientCheck(at: x) { ($0.transposed() * weights).sum() }.passes())
        #expect(
            gradientCheck(at: x) {
                ($0.reshaped(to: [3, 2]) * weights * $0.reshaped(to: [3, 2])).sum()
            }.passes())
        #expect(gradientCheck(at: y) { pow($0.permuted([1, 2, 0]), 2).sum() }.passes())
    }

    @Test func wrongCountStopsWithBothShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.zeros(shape: [2, 3]).reshaped(to: [4, 2])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("reshaped(to:): shape [2, 3] holds 6 scalars"))
        #expect(message.contains("[4, 2]"))
    }
}
