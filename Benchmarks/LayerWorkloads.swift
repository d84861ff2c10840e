import NeuralNet

/// The peers' convolutional and recurrent workloads (`shared/bench/common.py`,
/// `torch_bench.py`) on this library's layers, timed like the peer scripts: one untimed cold
/// run, then the median of timed runs, each from the same initial weights.
///
/// - CNN: conv 3×3, 16 filters, "same" + ReLU + max-pool 2×2 + dense 10, on the digits split
///   (1,500 training images, NHWC), batches of 32 (the last of each epoch 28), SGD with
///   learning rate 0.05 on the mean softmax cross-entropy, 10 epochs; reported in training
///   samples per second, with the test accuracy reached.
/// - LSTM and GRU (reset-after, PyTorch's form): hidden 32 over sine next-step sequences of
///   length 50, batch 32, a dense head on the last output, Adam with learning rate 0.01 on the
///   mean squared error, 200 steps over pre-generated batches; reported in milliseconds per
///   training step, with the mean squared error on 512 held-out sequences.
///
/// Initial weights and batch orders come from this library's seeded generator, not NumPy's,
/// so accuracies are comparable with the peers' but not identical.
///
/// Each measurement first waits for a quiet machine (``QuietGate``), as the peer scripts do.
/// Each figure is given twice: from wall-clock time, and from the process's CPU time. On a
/// shared machine other processes stretch the wall clock; with `NEURALNET_THREADS=1` the CPU
/// time is close to what a quiet machine's wall clock would show.
enum LayerWorkloads {
    /// Runs the workloads named in `only` (`cnn`, `lstm`, `gru`), or every one when it is
    /// empty, and prints one line each.
    static func run(runs: Int = 3, only: Set<String> = []) {
        if only.isEmpty || only.contains("cnn") {
            let cnn = convolutionalTraining(runs: runs)
            print(
                "CNN conv3x3x16-pool-dense10 training: \(Int(cnn.samplesPerSecond.rounded())) "
                    + "samples/s wall, \(Int(cnn.samplesPerCPUSecond.rounded())) per CPU second "
                    + "(10 epochs, batch 32; test accuracy \(cnn.testAccuracy))")
        }
        for kind in [RecurrentKind.lstm, .gru]
        where only.isEmpty || only.contains(kind.rawValue.lowercased()) {
            let result = recurrentTraining(kind, runs: runs)
            print(
                "\(kind) hidden 32, length 50, batch 32, Adam: \(result.millisecondsPerStep) "
                    + "ms/step wall, \(result.cpuMillisecondsPerStep) CPU "
                    + "(eval MSE \(result.evaluationError))")
        }
    }

    // MARK: - CNN

    /// Training throughput of the CNN and the test accuracy it reaches.
    static func convolutionalTraining(runs: Int = 3, epochs: Int = 10) -> (
        samplesPerSecond: Double, samplesPerCPUSecond: Double, testAccuracy: Double
    ) {
        let (training, test) = Datasets.digitsSplit(as: Float.self)
        let images = training.features.reshaped(to: [-1, 8, 8, 1])
        var orderGenerator = SeededGenerator(seed: 1235)
        let epochBatches = (0..<epochs).map { _ in
            seededPermutation(count: training.count, using: &orderGenerator)
        }.map { order in
            stride(from: 0, to: order.count, by: 32).map { start in
                Array(order[start..<min(start + 32, order.count)])
            }
        }
        let batches = epochBatches.map { epoch in
            epoch.map { indices in
                (images.gathered(indices), indices.map { training.labels[$0] })
            }
        }
        var initial = SeededGenerator(seed: 1234)
        let untrained = Sequential<Float>(
            Conv2D(
                inputChannels: 1, filters: 16, kernelSize: (3, 3), padding: .same,
                using: &initial),
            Activation(relu), MaxPool2D(poolSize: (2, 2)), Flatten(),
            Dense(inputSize: 256, outputSize: 10, using: &initial))
        var model = untrained
        let (seconds, cpuSeconds) = Stopwatch.wallAndProcessorSeconds(runs: runs) {
            model = untrained
            var optimizer = SGD<Float>(learningRate: 0.05)
            for epoch in batches {
                for (x, labels) in epoch {
                    let gradients = gradient(at: model) {
                        softmaxCrossEntropy(logits: $0(x), labels: labels)
                    }
                    optimizer.update(&model.parameters, gradients: gradients)
                }
            }
        }
        let predictions = model(test.features.reshaped(to: [-1, 8, 8, 1])).argmax(alongAxis: 1)
        let samples = Double(epochs * training.count)
        return (
            samples / seconds, samples / cpuSeconds,
            accuracy(predictions: predictions, labels: test.labels)
        )
    }

    // MARK: - LSTM and GRU

    /// Which recurrent cell a workload runs.
    enum RecurrentKind: String, CustomStringConvertible {
        case lstm = "LSTM"
        case gru = "GRU"
        var description: String { rawValue }
    }

    /// Milliseconds per Adam step of an LSTM or GRU regressor, and its held-out error.
    static func recurrentTraining(_ kind: RecurrentKind, runs: Int = 3, steps: Int = 200) -> (
        millisecondsPerStep: Double, cpuMillisecondsPerStep: Double, evaluationError: Float
    ) {
        var generator = SeededGenerator(seed: 1236)
        let batches = (0..<steps).map { _ in
            Datasets.sineWaves(count: 32, length: 50, as: Float.self, using: &generator)
        }
        var evaluationGenerator = SeededGenerator(seed: 1237)
        let evaluation = Datasets.sineWaves(
            count: 512, length: 50, as: Float.self, using: &evaluationGenerator)
        var initial = SeededGenerator(seed: 1234)
        switch kind {
        case .lstm:
            let cell = LSTMCell<Float>(inputSize: 1, hiddenSize: 32, using: &initial)
            return timeRegressor(cell, batches, evaluation, runs: runs, initial: &initial)
        case .gru:
            let cell = GRUCell<Float>(inputSize: 1, hiddenSize: 32, using: &initial)
            return timeRegressor(cell, batches, evaluation, runs: runs, initial: &initial)
        }
    }

    /// Times `steps` Adam steps of a regressor built on `cell`.
    private static func timeRegressor<Cell: RecurrentCell>(
        _ cell: Cell, _ batches: [RegressionDataset<Float>], _ evaluation: RegressionDataset<Float>,
        runs: Int, initial: inout SeededGenerator
    ) -> (millisecondsPerStep: Double, cpuMillisecondsPerStep: Double, evaluationError: Float)
    where Cell.Scalar == Float {
        let untrained = SequenceRegressor(cell, outputSize: 1, using: &initial)
        var model = untrained
        let (seconds, cpuSeconds) = Stopwatch.wallAndProcessorSeconds(runs: runs) {
            model = untrained
            var optimizer = Adam<Float>(learningRate: 0.01)
            for batch in batches {
                let gradients = gradient(at: model) {
                    meanSquaredError(predictions: $0(batch.inputs), targets: batch.targets)
                }
                optimizer.update(&model.parameters, gradients: gradients)
            }
        }
        let error = meanSquaredError(
            predictions: model(evaluation.inputs), targets: evaluation.targets)
        let steps = Double(batches.count)
        return (seconds * 1000 / steps, cpuSeconds * 1000 / steps, error.scalar)
    }
}
