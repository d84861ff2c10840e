import Testing

@testable import NeuralNet

@Suite struct TensorConcatenateTests {
    let a = Tensor<Double>([1, 2, 3, 4], shape: [2, 2])
    let b = Tensor<Double>([5, 6], shape: [1, 2])
    let c = Tensor<Double>([7, 8], shape: [2, 1])

    @Test func alongEachAxis() {
        #expect(Tensor.concatenated([a, b]) == Tensor([1, 2, 3, 4, 5, 6], shape: [3, 2]))
        #expect(
            Tensor.concatenated([a, c], alongAxis: 1) == Tensor([1, 2, 7, 3, 4, 8], shape: [2, 3]))
    }

    @Test func stackAddsAnAxis() {
        let x = Tensor<Double>([1, 2])
        let y = Tensor<Double>([3, 4])
        #expect(Tensor.stacked([x, y]) == Tensor([1, 2, 3, 4], shape: [2, 2]))
        #expect(Tensor.stacked([x, y], alongAxis: 1) == Tensor([1, 3, 2, 4], shape: [2, 2]))
    }

    @Test func eachInputGetsItsPartOfTheGradient() {
        let weights = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let slope = gradient(at: c) { Tensor.concatenated([a, $0], alongAxis: 1).mean() * 6 }
        #expect(slope.scalars == [1, 1])
        #expect(
            gradientCheck(at: a) { (Tensor.concatenated([$0, c], alongAxis: 1) * weights).sum() }
                .passes())
        #expect(
            gradientCheck(at: c) {
                pow(Tensor.concatenated([a, $0], alongAxis: 1) * weights, 2).sum()
            }.passes())
    }

    @Test func mismatchedShapesStop() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.concatenated([.zeros(shape: [2, 2]), .zeros(shape: [2, 3])])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("shapes [2, 2] and [2, 3] differ outside axis 0"))
    }
}
