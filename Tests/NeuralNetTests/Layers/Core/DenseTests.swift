import Testing

@testable import NeuralNet

@Suite struct DenseTests {
    @Test func forwardIsTheMatrixProductPlusBias() {
        let weight = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [3, 2])
        let layer = Dense(weight: weight, bias: Tensor([0.5, -1]))
        let x = Tensor<Double>([1, 0, -1, 2, 1, 0], shape: [2, 3])
        // Row 1: [1·1 + 0·3 - 1·5, 1·2 + 0·4 - 1·6] + b = [-4, -4] + [0.5, -1].
        // Row 2: [2·1 + 1·3, 2·2 + 1·4] + b = [5, 8] + [0.5, -1].
        expectClose(layer(x).scalars, [-3.5, -5, 5.5, 7])
        expectClose(layer(Tensor([1, 0, -1])).scalars, [-3.5, -5])
    }

    @Test func gradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 1)
        let layer = Dense<Double>(inputSize: 4, outputSize: 3, using: &generator)
        let x = probe([5, 4], seed: 2)
        let weights = probe([5, 3], seed: 3)
        expectParameterGradientsMatch(layer) { ($0(x) * weights).sum() }
        expectGradientMatches(at: x) { (layer($0) * weights).sum() }
    }

    @Test func glorotInitialisationStaysInItsLimit() {
        var generator = SeededGenerator(seed: 1)
        let layer = Dense<Double>(inputSize: 64, outputSize: 128, using: &generator)
        let limit = (6.0 / 192).squareRoot()
        #expect(layer.weight.scalars.allSatisfy { abs($0) <= limit })
        #expect(layer.bias.scalars.allSatisfy { $0 == 0 })
    }

    @Test func wrongInputSizeNamesTheShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            var generator = SeededGenerator(seed: 1)
            let layer = Dense<Double>(inputSize: 4, outputSize: 3, using: &generator)
            _ = layer(Tensor<Double>.zeros(shape: [2, 5]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("Dense: input of shape [2, 5] needs 4 features"))
    }
}
