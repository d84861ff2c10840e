import Testing

@testable import NeuralNet

@Suite struct TensorIndexingTests {
    let x = Tensor<Double>((0..<12).map(Double.init), shape: [3, 4])

    @Test func rowsAndRanges() {
        #expect(x[1] == Tensor([4, 5, 6, 7]))
        #expect(x[1..<3] == Tensor([4, 5, 6, 7, 8, 9, 10, 11], shape: [2, 4]))
        #expect(x.sliced(alongAxis: 1, 1..<3) == Tensor([1, 2, 5, 6, 9, 10], shape: [3, 2]))
        #expect(x.sliced(alongAxis: -1, 0..<0).shape == [3, 0])
    }

    @Test func gatherPicksAndRepeats() {
        #expect(
            x.gathered([2, 0, 2])
                == Tensor([8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11], shape: [3, 4]))
        #expect(x.gathered([3, 0], alongAxis: 1) == Tensor([3, 0, 7, 4, 11, 8], shape: [3, 2]))
    }

    @Test func gatherGradientAddsRepeats() {
        // Row 2 is picked twice, row 1 never: its gradient is 2, 0 and 1 per element.
        let slope = gradient(at: x) { $0.gathered([2, 0, 2]).sum() }
        #expect(slope.scalars == [1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2])
        #expect(gradientCheck(at: x) { pow($0.sliced(alongAxis: 1, 1..<3), 2).sum() }.passes())
        #expect(gradientCheck(at: x) { ($0[1] * $0[2]).sum() }.passes())
    }

    @Test func outOfRangeIndexStops() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.zeros(shape: [3, 4]).gathered([3])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("index 3 is out of range for axis 0 of shape [3, 4]"))
    }
}
