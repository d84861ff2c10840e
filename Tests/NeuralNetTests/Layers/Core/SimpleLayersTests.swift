import Testing

@testable import NeuralNet

@Suite struct SimpleLayersTests {
    @Test func flattenKeepsRowMajorOrder() {
        let x = Tensor<Double>((0..<24).map(Double.init), shape: [2, 3, 2, 2])
        let y = Flatten<Double>()(x)
        #expect(y.shape == [2, 12])
        #expect(y.scalars == x.scalars)
    }

    @Test func dropoutIsTheIdentityAtInference() {
        let x = probe([4, 5], seed: 1)
        let layer = Dropout<Double>(rate: 0.5)
        var context = ForwardContext.inference
        #expect(layer(x) == x)
        #expect(layer(x, context: &context) == x)
    }

    @Test func dropoutInTrainingZeroesAboutRateAndScalesTheRest() {
        let x = Tensor<Double>(repeating: 1, shape: [100, 100])
        let layer = Dropout<Double>(rate: 0.3)
        var context = ForwardContext.training(seed: 9)
        let y = layer(x, context: &context)
        let dropped = y.scalars.filter { $0 == 0 }.count
        #expect(abs(Double(dropped) / 10_000 - 0.3) < 0.02)
        #expect(y.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-12 })
        // The same seed gives the same mask; the context advances, so the next mask differs.
        var again = ForwardContext.training(seed: 9)
        #expect(layer(x, context: &again) == y)
        #expect(layer(x, context: &again) != y)
    }

    @Test func embeddingLooksUpRowsAndSumsRepeatedGradients() {
        let table = Tensor<Double>([0, 1, 10, 11, 20, 21], shape: [3, 2])
        let embedding = Embedding(table: table)
        #expect(embedding([2, 0, 2]).scalars == [20, 21, 0, 1, 20, 21])
        #expect(embedding([[1, 2], [0, 1]]).shape == [2, 2, 2])
        let gradients = gradient(at: embedding) { $0([2, 0, 2]).sum() }
        #expect(gradients[0].scalars == [1, 1, 0, 0, 2, 2])
    }

    @Test func sequentialComposesAndConcatenatesParameters() {
        var generator = SeededGenerator(seed: 3)
        let first = Dense<Double>(inputSize: 3, outputSize: 4, using: &generator)
        let second = Dense<Double>(inputSize: 4, outputSize: 2, using: &generator)
        var model = Sequential<Double>(first, Activation(tanh), second)
        let x = probe([5, 3], seed: 4)
        #expect(model(x) == second(tanh(first(x))))
        #expect(model.parameters.map(\.shape) == [[3, 4], [4], [4, 2], [2]])
        var replaced = model.parameters
        replaced[3] = Tensor([7, 8])
        model.parameters = replaced
        #expect(model.parameters[3].scalars == [7, 8])
        #expect(model.parameters[0] == first.weight)
        let weights = probe([5, 2], seed: 5)
        expectParameterGradientsMatch(model) { ($0(x) * weights).sum() }
    }

    @Test func sequentialPassesTheContextToDropout() {
        var generator = SeededGenerator(seed: 3)
        let model = Sequential<Double>(
            Dense(inputSize: 3, outputSize: 50, using: &generator), Dropout(rate: 0.5))
        let x = probe([4, 3], seed: 4)
        var context = ForwardContext.training(seed: 1)
        let trained = model(x, context: &context)
        #expect(trained.scalars.contains(0))
        #expect(!model(x).scalars.contains(0))
    }
}
