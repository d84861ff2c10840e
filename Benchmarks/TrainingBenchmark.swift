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

/// MLP training throughput on random data the size of the digits set: 1,500 training rows of
/// 64 features, 10 classes, batches of 32 (the last of each epoch 28), SGD with learning rate
/// 0.1 on the mean softmax cross-entropy, as the peer scripts in `shared/bench` do.
enum TrainingBenchmark {
    static let trainingRows = 1500
    static let batchSize = 32
    static let epochs = 5

    static func run(threadCounts: [Int]) {
        var generator = SeededGenerator(seed: 42)
        let inputs = Tensor<Float>.random(shape: [trainingRows, 64], in: 0...1, using: &generator)
        let labels = (0..<trainingRows).map { _ in Int(generator.next() % 10) }
        report(
            "MLP 64-128-10 training, samples/s (\(epochs) epochs of \(trainingRows), batch 32, median of 5)"
        )
        for threads in threadCounts {
            var model = Perceptron(settings: ComputeSettings(threadCount: threads))
            var order = SeededGenerator(seed: 7)
            let seconds = Stopwatch.medianSeconds(runs: 5) {
                for _ in 0..<epochs {
                    train(&model, inputs, labels, order: &order)
                }
            }
            let rate = Double(epochs * trainingRows) / seconds
            let loss = softmaxCrossEntropy(logits: model(inputs), labels: labels).scalar
            report(
                "  \(threads) thread\(threads == 1 ? "" : "s"): \(Int(rate.rounded())) samples/s (training loss now \(loss))"
            )
        }
    }

    /// One epoch of minibatch SGD, in a freshly shuffled order.
    static func train(
        _ model: inout Perceptron, _ inputs: Tensor<Float>, _ labels: [Int],
        order generator: inout SeededGenerator
    ) {
        var optimizer = SGD<Float>(learningRate: 0.1)
        let permutation = Array(0..<trainingRows).shuffled(using: &generator)
        for start in stride(from: 0, to: trainingRows, by: batchSize) {
            let batch = Array(permutation[start..<min(start + batchSize, trainingRows)])
            let x = inputs.gathered(batch)
            let y = batch.map { labels[$0] }
            let gradients = gradient(at: model) { model in
                softmaxCrossEntropy(logits: model(x), labels: y)
            }
            optimizer.update(&model.parameters, gradients: gradients)
        }
    }
}
