import Testing

@testable import NeuralNet

@Suite struct SequenceRegressorTests {
    let sequences = probe([3, 4, 2], seed: 60)  // batch 3, 4 steps, 2 features

    @Test func itReadsTheLastStepThroughTheHead() {
        var generator = SeededGenerator(seed: 61)
        let cell = GRUCell<Double>(inputSize: 2, hiddenSize: 5, using: &generator)
        let model = SequenceRegressor(cell, outputSize: 2, using: &generator)
        let expected = matmul(RecurrentLayer(cell).lastOutput(for: sequences), model.head.weight)
        #expect(model(sequences) == expected + model.head.bias)
        #expect(model.parameters.map(\.shape) == [[2, 15], [5, 15], [15], [15], [5, 2], [2]])
    }

    @Test func itsGradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 62)
        let model = SequenceRegressor(
            LSTMCell<Double>(inputSize: 2, hiddenSize: 3, using: &generator), outputSize: 1,
            using: &generator)
        let targets = probe([3, 1], seed: 63)
        expectParameterGradientsMatch(model) {
            meanSquaredError(predictions: $0(sequences), targets: targets)
        }
    }

    @Test func settingParametersSplitsThemBetweenCellAndHead() {
        var generator = SeededGenerator(seed: 64)
        var model = SequenceRegressor(
            LSTMCell<Double>(inputSize: 2, hiddenSize: 3, using: &generator), outputSize: 1,
            using: &generator)
        let replaced = model.parameters.map { $0 * 2 }
        model.parameters = replaced
        #expect(model.recurrent.cell.parameters == Array(replaced[..<3]))
        #expect(model.head.parameters == Array(replaced[3...]))
    }
}
