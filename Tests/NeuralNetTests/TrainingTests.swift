import Testing

@testable import NeuralNet

/// A two-layer perceptron written out by hand: `softmax(relu(x·W₁ + b₁)·W₂ + b₂)`.
struct TwoLayerPerceptron: Module {
    var hiddenWeights: Tensor<Double>
    var hiddenBias: Tensor<Double>
    var outputWeights: Tensor<Double>
    var outputBias: Tensor<Double>

    init(inputSize: Int, hiddenSize: Int, outputSize: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        hiddenWeights = .heNormal(shape: [inputSize, hiddenSize], using: &generator)
        hiddenBias = .zeros(shape: [hiddenSize])
        outputWeights = .glorotUniform(shape: [hiddenSize, outputSize], using: &generator)
        outputBias = .zeros(shape: [outputSize])
    }

    var parameters: [Tensor<Double>] {
        get { [hiddenWeights, hiddenBias, outputWeights, outputBias] }
        set {
            (hiddenWeights, hiddenBias, outputWeights, outputBias) = (
                newValue[0], newValue[1], newValue[2], newValue[3]
            )
        }
    }

    /// The logits for a batch of inputs.
    func callAsFunction(_ inputs: Tensor<Double>) -> Tensor<Double> {
        matmul(relu(matmul(inputs, hiddenWeights) + hiddenBias), outputWeights) + outputBias
    }
}

@Suite struct TrainingTests {
    let inputs = Tensor<Double>([0, 0, 0, 1, 1, 0, 1, 1], shape: [4, 2])
    let labels = [0, 1, 1, 0]

    @Test func anMLPLearnsXOR() {
        var model = TwoLayerPerceptron(inputSize: 2, hiddenSize: 8, outputSize: 2, seed: 3)
        var optimizer = Adam<Double>(learningRate: 0.05)
        let initialLoss = softmaxCrossEntropy(logits: model(inputs), labels: labels).scalar
        for _ in 0..<300 {
            let gradients = gradient(at: model) { model in
                softmaxCrossEntropy(logits: model(inputs), labels: labels)
            }
            optimizer.update(&model.parameters, gradients: gradients)
        }
        let finalLoss = softmaxCrossEntropy(logits: model(inputs), labels: labels).scalar
        #expect(finalLoss < 0.05)
        #expect(finalLoss < initialLoss)
        #expect(model(inputs).argmax(alongAxis: 1) == labels)
    }

    @Test func moduleGradientMatchesFiniteDifferences() {
        // Inputs away from 0, so no hidden unit sits on ReLU's kink where differences fail.
        let inputs = Tensor<Double>([0.3, -0.7, 1.1, 0.4, -0.2, 0.9], shape: [3, 2])
        let labels = [1, 0, 1]
        let model = TwoLayerPerceptron(inputSize: 2, hiddenSize: 3, outputSize: 2, seed: 4)
        let gradients = gradient(at: model) {
            softmaxCrossEntropy(logits: $0(inputs), labels: labels)
        }
        #expect(gradients.map(\.shape) == model.parameters.map(\.shape))
        for index in model.parameters.indices {
            let estimate = numericalGradient(at: model.parameters[index]) { parameter in
                var copy = model
                copy.parameters[index] = parameter
                return softmaxCrossEntropy(logits: copy(inputs), labels: labels)
            }
            expectClose(gradients[index].scalars, estimate.scalars, tolerance: 1e-7)
        }
    }

    @Test func sgdLowersTheLossStepByStep() {
        var model = TwoLayerPerceptron(inputSize: 2, hiddenSize: 8, outputSize: 2, seed: 5)
        var optimizer = SGD<Double>(learningRate: 0.1)
        var losses: [Double] = []
        for _ in 0..<5 {
            let (loss, gradients) = valueWithGradient(at: model) {
                softmaxCrossEntropy(logits: $0(inputs), labels: labels)
            }
            losses.append(loss.scalar)
            optimizer.update(&model.parameters, gradients: gradients)
        }
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 })
    }
}
