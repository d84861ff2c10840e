import NeuralNet

/// A 64-128-10 perceptron, `relu(x·W₁ + b₁)·W₂ + b₂`, the peers' MLP workload.
struct Perceptron: Module {
    var parameters: [Tensor<Float>]
    let settings: ComputeSettings

    init(settings: ComputeSettings) {
        var generator = SeededGenerator(seed: 1234)
        parameters = [
            .glorotUniform(shape: [64, 128], using: &generator), .zeros(shape: [128]),
            .glorotUniform(shape: [128, 10], using: &generator), .zeros(shape: [10]),
        ]
        self.settings = settings
    }

    func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
        let hidden = relu(matmul(x, parameters[0], settings: settings) + parameters[1])
        return matmul(hidden, parameters[2], settings: settings) + parameters[3]
    }
}

/// MLP training throughput on the peers' workload (`shared/bench`): the digits split (1,500
/// training rows of 64 features, 10 classes), batches of 32 (the last of each epoch 28) in a
/// seeded order per epoch, SGD with learning rate 0.1 on the mean softmax cross-entropy, 20
/// epochs; the median of 3 runs from the same initial weights, after a warm-up.
enum TrainingBenchmark {
    static let epochs = 20

    static func run(threadCounts: [Int]) {
        report(
            "MLP 64-128-10 training, samples/s (\(epochs) epochs of the digits' 1,500 rows,"
                + " batch 32; median of 3 after a warm-up)")
        for threads in threadCounts {
            let result = measure(settings: ComputeSettings(threadCount: threads))
            report(
                "  \(threads) thread\(threads == 1 ? "" : "s"): "
                    + "\(Int(result.samplesPerSecond.rounded())) samples/s wall, "
                    + "\(Int(result.samplesPerCPUSecond.rounded())) per CPU second "
                    + "(test accuracy \(result.testAccuracy))")
        }
    }

    /// Training throughput by the wall clock and by CPU time, and the test accuracy reached.
    static func measure(settings: ComputeSettings, runs: Int = 3) -> (
        samplesPerSecond: Double, samplesPerCPUSecond: Double, testAccuracy: Double
    ) {
        let workload = Workload(epochs: epochs, settings: settings)
        var model = workload.untrained
        let (seconds, cpuSeconds) = Stopwatch.wallAndProcessorSeconds(runs: runs) {
            model = workload.trained()
        }
        let samples = Double(epochs * workload.trainingCount)
        return (samples / seconds, samples / cpuSeconds, workload.testAccuracy(of: model))
    }

    /// One untimed training run of `epochs` epochs, for a profiler; the test accuracy reached.
    static func train(epochs: Int, settings: ComputeSettings) -> Double {
        let workload = Workload(epochs: epochs, settings: settings)
        return workload.testAccuracy(of: workload.trained())
    }

    /// The workload's data: every epoch's batches in their seeded order, the test split and
    /// the initial weights.
    struct Workload {
        let batches: [[(x: Tensor<Float>, labels: [Int])]]
        let test: LabeledDataset<Float>
        let trainingCount: Int
        let untrained: Perceptron

        init(epochs: Int, settings: ComputeSettings) {
            let (training, test) = Datasets.digitsSplit(as: Float.self)
            var orderGenerator = SeededGenerator(seed: 1235)
            batches = (0..<epochs).map { _ in
                let order = seededPermutation(count: training.count, using: &orderGenerator)
                return stride(from: 0, to: order.count, by: 32).map { start in
                    let indices = Array(order[start..<min(start + 32, order.count)])
                    return (
                        training.features.gathered(indices), indices.map { training.labels[$0] }
                    )
                }
            }
            self.test = test
            trainingCount = training.count
            untrained = Perceptron(settings: settings)
        }

        /// The model after SGD (learning rate 0.1) over every batch, from the initial weights.
        func trained() -> Perceptron {
            var model = untrained
            var optimizer = SGD<Float>(learningRate: 0.1)
            for epoch in batches {
                for (x, labels) in epoch {
                    let gradients = gradient(at: model) {
                        softmaxCrossEntropy(logits: $0(x), labels: labels)
                    }
                    optimizer.update(&model.parameters, gradients: gradients)
                }
            }
            return model
        }

        /// The fraction of the test split the model classifies correctly.
        func testAccuracy(of model: Perceptron) -> Double {
            accuracy(predictions: model(test.features).argmax(alongAxis: 1), labels: test.labels)
        }
    }
}
