import Testing

@testable import NeuralNet

@Suite(
    .enabled(
        if: isOptimizedBuild,
        "training needs an optimised build: swift test -c release -Xswiftc -enable-testing --filter EndToEnd"
    ))
struct EndToEndAddingProblemTests {
    /// The test error after `steps` Adam steps on fresh batches of the adding problem at
    /// length 50; predicting the mean would score about 0.167.
    private func testError<Cell: RecurrentCell>(_ cell: Cell, steps: Int) -> Float
    where Cell.Scalar == Float {
        var generator = SeededGenerator(seed: 5)
        var model = SequenceRegressor(cell, outputSize: 1, using: &generator)
        var data = SeededGenerator(seed: 6)
        let test = Datasets.addingProblem(count: 500, length: 50, as: Float.self, using: &data)
        var optimizer = Adam<Float>(learningRate: 0.01)
        for _ in 0..<steps {
            let batch = Datasets.addingProblem(
                count: 32, length: 50, as: Float.self, using: &data)
            let gradients = gradient(at: model) {
                meanSquaredError(predictions: $0(batch.inputs), targets: batch.targets)
            }
            optimizer.update(&model.parameters, gradients: gradients)
        }
        return meanSquaredError(predictions: model(test.inputs), targets: test.targets).scalar
    }

    @Test func lstmLearnsTheAddingProblem() {
        var generator = SeededGenerator(seed: 1)
        let error = testError(
            LSTMCell<Float>(inputSize: 2, hiddenSize: 32, using: &generator), steps: 700)
        #expect(error < 0.05, "test MSE \(error)")
    }

    @Test func gruLearnsTheAddingProblem() {
        var generator = SeededGenerator(seed: 2)
        let error = testError(
            GRUCell<Float>(inputSize: 2, hiddenSize: 32, using: &generator), steps: 500)
        #expect(error < 0.05, "test MSE \(error)")
    }
}
