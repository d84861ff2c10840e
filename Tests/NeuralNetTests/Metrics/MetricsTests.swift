import Testing

@testable import NeuralNet

@Suite struct MetricsTests {
    // Ten samples of three classes. By hand, rows true class, columns predicted:
    //   [[3, 1, 0],
    //    [1, 2, 1],
    //    [0, 0, 2]]
    let labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]
    let predictions = [0, 0, 0, 1, 0, 1, 1, 2, 2, 2]

    @Test func accuracyCountsMatches() {
        #expect(accuracy(predictions: predictions, labels: labels) == 0.7)
    }

    @Test func confusionMatrixByHand() {
        let matrix = ConfusionMatrix(predictions: predictions, labels: labels, classCount: 3)
        #expect(matrix.counts == [[3, 1, 0], [1, 2, 1], [0, 0, 2]])
        // Class 0: precision 3/4, recall 3/4; class 1: 2/3, 2/4; class 2: 2/3, 2/2.
        expectClose((0..<3).map(matrix.precision(of:)), [0.75, 2.0 / 3, 2.0 / 3])
        expectClose((0..<3).map(matrix.recall(of:)), [0.75, 0.5, 1])
        expectClose((0..<3).map(matrix.f1(of:)), [0.75, 4.0 / 7, 0.8])
        expectClose([matrix.macroPrecision], [(0.75 + 4.0 / 3) / 3])
        expectClose([matrix.macroRecall], [2.25 / 3])
        expectClose([matrix.macroF1], [(0.75 + 4.0 / 7 + 0.8) / 3])
    }

    @Test func aClassNeverPredictedScoresZero() {
        let matrix = ConfusionMatrix(predictions: [0, 0], labels: [0, 1], classCount: 3)
        #expect(matrix.precision(of: 1) == 0)
        #expect(matrix.recall(of: 2) == 0)
        #expect(matrix.f1(of: 2) == 0)
    }
}
