import Foundation
import Testing

@testable import NeuralNet

@Suite struct SoftmaxTests {
    @Test func valuesAgainstTheDefinition() {
        let x = Tensor<Double>([1, 2, 3, -1, 0, 1], shape: [2, 3])
        let probabilities = softmax(x)
        for row in 0..<2 {
            let scores = x.scalars[(row * 3)..<(row * 3 + 3)]
            let total = scores.map { Foundation.exp($0) }.reduce(0, +)
            let expected = scores.map { Foundation.exp($0) / total }
            expectClose(Array(probabilities.scalars[(row * 3)..<(row * 3 + 3)]), expected)
            expectClose(
                Array(logSoftmax(x).scalars[(row * 3)..<(row * 3 + 3)]),
                expected.map { Foundation.log($0) })
        }
        expectClose(softmax(x, alongAxis: 0).sum(alongAxes: 0).scalars, [1, 1, 1])
    }

    @Test func stableAtPlusAndMinusAThousand() {
        let x = Tensor<Double>([1000, 1000, -1000, -1000, 0, -1000], shape: [3, 2])
        expectClose(softmax(x).scalars, [0.5, 0.5, 0.5, 0.5, 1, 0])
        expectClose(
            logSoftmax(x).scalars,
            [
                -Foundation.log(2), -Foundation.log(2), -Foundation.log(2), -Foundation.log(2), 0,
                -1000,
            ])
        let floats = Tensor<Float>([1000, -1000])
        #expect(softmax(floats).scalars == [1, 0])
    }

    @Test func gradientsMatchFiniteDifferences() {
        let x = Tensor<Double>([0.5, -1, 2, 0.1, 0.2, -0.3], shape: [2, 3])
        let weights = Tensor<Double>([1, -2, 3, 0.5, 4, -1], shape: [2, 3])
        #expect(gradientCheck(at: x) { (softmax($0) * weights).sum() }.passes())
        #expect(gradientCheck(at: x) { (logSoftmax($0, alongAxis: 0) * weights).sum() }.passes())
    }
}
