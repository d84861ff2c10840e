import Testing

@testable import NeuralNet

/// Columns `gate·size ..< (gate+1)·size` of a matrix, or elements of a vector.
private func part(_ x: Tensor<Double>, _ gate: Int, _ size: Int) -> Tensor<Double> {
    x.sliced(alongAxis: -1, (gate * size)..<((gate + 1) * size))
}

/// The LSTM equations written out with separate tensor operations.
private func literalLSTM(
    _ cell: LSTMCell<Double>, _ x: Tensor<Double>, _ h: Tensor<Double>, _ c: Tensor<Double>
) -> (Tensor<Double>, Tensor<Double>) {
    let size = cell.hiddenSize
    let a = matmul(x, cell.inputWeight) + matmul(h, cell.recurrentWeight) + cell.bias
    let (i, f) = (sigmoid(part(a, 0, size)), sigmoid(part(a, 1, size)))
    let (g, o) = (tanh(part(a, 2, size)), sigmoid(part(a, 3, size)))
    let cell = f * c + i * g
    return (o * tanh(cell), cell)
}

/// The GRU equations of any formulation written out with separate tensor operations.
private func literalGRU(_ cell: GRUCell<Double>, _ x: Tensor<Double>, _ h: Tensor<Double>)
    -> Tensor<Double>
{
    let size = cell.hiddenSize
    let ax = matmul(x, cell.inputWeight) + cell.inputBias
    let uN = part(cell.recurrentWeight, 2, size)
    let bN = part(cell.recurrentBias, 2, size)
    let r = sigmoid(
        part(ax, 0, size) + matmul(h, part(cell.recurrentWeight, 0, size))
            + part(cell.recurrentBias, 0, size))
    let z = sigmoid(
        part(ax, 1, size) + matmul(h, part(cell.recurrentWeight, 1, size))
            + part(cell.recurrentBias, 1, size))
    let n: Tensor<Double>
    switch cell.formulation {
    case .resetBefore: n = tanh(part(ax, 2, size) + matmul(r * h, uN) + bN)
    case .resetAfter: n = tanh(part(ax, 2, size) + r * (matmul(h, uN) + bN))
    case .complementedGates:
        n = tanh(part(ax, 2, size) + matmul((1 - r) * h, uN) + bN)
        return z * n + (1 - z) * h
    }
    return (1 - z) * n + z * h
}

@Suite struct RecurrentCellTests {
    let inputs = probe([3, 4, 2], seed: 1)  // batch 3, 4 steps, 2 features

    private func step(_ time: Int) -> Tensor<Double> {
        inputs.sliced(alongAxis: 1, time..<(time + 1)).reshaped(to: [3, 2])
    }

    @Test func simpleRNNFollowsItsEquation() {
        var generator = SeededGenerator(seed: 2)
        var cell = SimpleRNNCell<Double>(inputSize: 2, hiddenSize: 5, using: &generator)
        cell.bias = probe([5], seed: 3)
        var state = probe([3, 5], seed: 4)
        for time in 0..<4 {
            let expected = tanh(
                matmul(step(time), cell.inputWeight) + matmul(state, cell.recurrentWeight)
                    + cell.bias)
            let (output, next) = cell(step(time), state: state)
            expectClose(output.scalars, expected.scalars)
            state = next
        }
    }

    @Test func lstmFollowsItsEquationsStepByStep() {
        var generator = SeededGenerator(seed: 5)
        var cell = LSTMCell<Double>(inputSize: 2, hiddenSize: 5, using: &generator)
        cell.bias = probe([20], seed: 6)
        var (h, c) = (probe([3, 5], seed: 7), probe([3, 5], seed: 8))
        var state = LSTMState(hidden: h, cell: c)
        for time in 0..<4 {
            (h, c) = literalLSTM(cell, step(time), h, c)
            let (output, next) = cell(step(time), state: state)
            expectClose(output.scalars, h.scalars)
            expectClose(next.cell.scalars, c.scalars)
            state = next
        }
    }

    @Test(arguments: [GRUCell<Double>.Formulation.resetBefore, .resetAfter, .complementedGates])
    func gruFollowsItsEquationsStepByStep(formulation: GRUCell<Double>.Formulation) {
        var generator = SeededGenerator(seed: 9)
        var cell = GRUCell<Double>(
            inputSize: 2, hiddenSize: 5, formulation: formulation, using: &generator)
        cell.inputBias = probe([15], seed: 10)
        cell.recurrentBias = probe([15], seed: 11)
        var (expected, state) = (probe([3, 5], seed: 12), probe([3, 5], seed: 12))
        for time in 0..<4 {
            expected = literalGRU(cell, step(time), expected)
            state = cell(step(time), state: state).state
            expectClose(state.scalars, expected.scalars)
        }
    }

    @Test func theTwoGRUFormsDiffer() {
        var generator = SeededGenerator(seed: 13)
        var before = GRUCell<Double>(
            inputSize: 2, hiddenSize: 5, formulation: .resetBefore, using: &generator)
        before.recurrentBias = probe([15], seed: 14)
        var after = GRUCell<Double>(
            inputSize: 2, hiddenSize: 5, formulation: .resetAfter, using: &generator)
        after.parameters = before.parameters
        let state = probe([3, 5], seed: 15)
        let difference =
            (before(step(0), state: state).output - after(step(0), state: state).output)
        #expect(difference.scalars.map(abs).max()! > 1e-3)
    }

    /// `1 - σ(a) = σ(-a)`: complemented gates are reset-before with the reset and update
    /// gates' weights and biases negated.
    @Test func complementedGatesAreResetBeforeWithTheGatesNegated() {
        var generator = SeededGenerator(seed: 30)
        var complemented = GRUCell<Double>(
            inputSize: 2, hiddenSize: 5, formulation: .complementedGates, using: &generator)
        complemented.inputBias = probe([15], seed: 31)
        complemented.recurrentBias = probe([15], seed: 32)
        let negateGates = Tensor<Double>([Double](repeating: -1, count: 10) + [1, 1, 1, 1, 1])
        let before = GRUCell<Double>(
            inputWeight: complemented.inputWeight * negateGates,
            recurrentWeight: complemented.recurrentWeight * negateGates,
            inputBias: complemented.inputBias * negateGates,
            recurrentBias: complemented.recurrentBias * negateGates, formulation: .resetBefore)
        let state = probe([3, 5], seed: 33)
        let a = complemented.unroll(inputs, from: state).outputs
        let b = before.unroll(inputs, from: state).outputs
        expectClose(a.scalars, b.scalars, tolerance: 1e-14)
    }

    @Test func unrolledGradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 16)
        let weights = probe([3, 4, 4], seed: 17)
        var lstm = LSTMCell<Double>(inputSize: 2, hiddenSize: 4, using: &generator)
        lstm.bias = probe([16], seed: 18)
        let lstmState = probe([3, 8], seed: 19)
        let lstmLayer = RecurrentLayer(lstm)
        expectParameterGradientsMatch(lstmLayer) { ($0(inputs) * weights).sum() }
        expectGradientMatches(at: inputs) { (lstmLayer($0) * weights).sum() }
        expectGradientMatches(at: lstmState) { state in
            let run = lstmLayer.run(inputs, initialState: LSTMState(combined: state))
            return (Tensor.stacked(run.outputs, alongAxis: 1) * weights).sum()
                + run.finalState.cell.sum()
        }
        for formulation in [
            GRUCell<Double>.Formulation.resetBefore, .resetAfter, .complementedGates,
        ] {
            var gru = GRUCell<Double>(
                inputSize: 2, hiddenSize: 4, formulation: formulation, using: &generator)
            gru.inputBias = probe([12], seed: 20)
            gru.recurrentBias = probe([12], seed: 21)
            let layer = RecurrentLayer(gru)
            expectParameterGradientsMatch(layer) { ($0(inputs) * weights).sum() }
            expectGradientMatches(at: inputs) { (layer($0) * weights).sum() }
            expectGradientMatches(at: probe([3, 4], seed: 22)) { state in
                let run = layer.run(inputs, initialState: state)
                return (Tensor.stacked(run.outputs, alongAxis: 1) * weights).sum()
            }
        }
        let simple = RecurrentLayer(
            SimpleRNNCell<Double>(inputSize: 2, hiddenSize: 4, using: &generator))
        expectParameterGradientsMatch(simple) { ($0(inputs) * weights).sum() }
    }

    @Test func layerShapesAndLastOutput() {
        var generator = SeededGenerator(seed: 23)
        let layer = RecurrentLayer(LSTMCell<Double>(inputSize: 2, hiddenSize: 6, using: &generator))
        #expect(layer(inputs).shape == [3, 4, 6])
        #expect(layer.lastOutput(for: inputs) == layer.run(inputs).outputs[3])
        #expect(layer.parameters.map(\.shape) == [[2, 24], [6, 24], [24]])
    }

    @Test func aGRUCellTakesGivenWeights() {
        let weights = [probe([2, 9], seed: 50), probe([3, 9], seed: 51), probe([9], seed: 52)]
        let cell = GRUCell<Double>(
            inputWeight: weights[0], recurrentWeight: weights[1], inputBias: weights[2],
            recurrentBias: probe([9], seed: 53), formulation: .resetBefore)
        #expect(cell.parameters.map(\.shape) == [[2, 9], [3, 9], [9], [9]])
        #expect(cell.parameters[0] == weights[0] && cell.parameters[2] == weights[2])
        #expect(cell.formulation == .resetBefore)
        #expect(cell.inputSize == 2 && cell.hiddenSize == 3)
    }

    @Test func aGRUCellWithMismatchedWeightsNamesTheShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = GRUCell<Double>(
                inputWeight: .zeros(shape: [2, 9]), recurrentWeight: .zeros(shape: [3, 9]),
                inputBias: .zeros(shape: [8]), recurrentBias: .zeros(shape: [9]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("GRUCell: weights [2, 9], [3, 9] and biases [8], [9] need"))
    }

    @Test func wrongInputSizeNamesTheShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            var generator = SeededGenerator(seed: 1)
            let cell = GRUCell<Double>(inputSize: 2, hiddenSize: 3, using: &generator)
            _ = cell(Tensor<Double>.zeros(shape: [4, 5]), state: cell.zeroState(batchSize: 4))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("GRUCell: input of shape [4, 5] needs shape [4, 2]"))
    }
}
