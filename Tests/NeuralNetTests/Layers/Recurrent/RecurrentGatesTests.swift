import Testing

@testable import NeuralNet

/// Columns `gate·size ..< (gate+1)·size` of a matrix, or elements of a vector.
private func part(_ x: Tensor<Double>, _ gate: Int, _ size: Int) -> Tensor<Double> {
    x.sliced(alongAxis: -1, (gate * size)..<((gate + 1) * size))
}

/// Step `t` of a batch-first sequence, `[batch, features]`.
private func at(_ sequence: Tensor<Double>, _ t: Int) -> Tensor<Double> {
    sequence.sliced(alongAxis: 1, t..<(t + 1)).squeezingDimension(at: 1)
}

/// The gates recorded by the step cell and by the fused sequence equal those of the cells'
/// equations written out with tensor operations, at every step.
@Suite struct RecurrentGatesTests {
    let inputs = probe([3, 5, 2], seed: 70)  // batch 3, 5 steps, 2 features

    @Test func lstmGatesFollowTheEquations() {
        var generator = SeededGenerator(seed: 71)
        var cell = LSTMCell<Double>(inputSize: 2, hiddenSize: 4, using: &generator)
        cell.bias = probe([16], seed: 72)
        let size = 4
        var (h, c) = (probe([3, 4], seed: 73), probe([3, 4], seed: 74))
        let start = LSTMState(hidden: h, cell: c)
        let fused = cell.unrollRecordingGates(inputs, from: start)
        let plain = cell.unroll(inputs, from: start)
        #expect(fused.outputs == plain.outputs)
        var state = start
        for t in 0..<5 {
            let x = at(inputs, t)
            let a = matmul(x, cell.inputWeight) + matmul(h, cell.recurrentWeight) + cell.bias
            let (i, f) = (sigmoid(part(a, 0, size)), sigmoid(part(a, 1, size)))
            let (g, o) = (tanh(part(a, 2, size)), sigmoid(part(a, 3, size)))
            c = f * c + i * g
            h = o * tanh(c)
            let step = cell.stepRecordingGates(x, state: state)
            state = step.state
            let expected = [i, f, g, o]
            let stepGates = [
                step.gates.input, step.gates.forget, step.gates.candidate, step.gates.output,
            ]
            let fusedGates = [
                fused.gates.input, fused.gates.forget, fused.gates.candidate, fused.gates.output,
            ]
            for (gate, value) in expected.enumerated() {
                expectClose(stepGates[gate].scalars, value.scalars)
                expectClose(at(fusedGates[gate], t).scalars, value.scalars)
            }
            expectClose(step.output.scalars, h.scalars)
        }
    }

    @Test(arguments: [GRUFormulation.resetBefore, .resetAfter, .complementedGates])
    func gruGatesFollowTheEquations(formulation: GRUFormulation) {
        var generator = SeededGenerator(seed: 75)
        var cell = GRUCell<Double>(
            inputSize: 2, hiddenSize: 4, formulation: formulation, using: &generator)
        cell.inputBias = probe([12], seed: 76)
        cell.recurrentBias = probe([12], seed: 77)
        let size = 4
        var h = probe([3, 4], seed: 78)
        let fused = cell.unrollRecordingGates(inputs, from: h)
        #expect(fused.outputs == cell.unroll(inputs, from: h).outputs)
        let layer = RecurrentLayer(cell).runRecordingGates(inputs, initialState: h)
        #expect(layer.gates.update == fused.gates.update)
        var state = h
        for t in 0..<5 {
            let x = at(inputs, t)
            let ax = matmul(x, cell.inputWeight) + cell.inputBias
            let ah = matmul(h, cell.recurrentWeight) + cell.recurrentBias
            let r = sigmoid(part(ax, 0, size) + part(ah, 0, size))
            let z = sigmoid(part(ax, 1, size) + part(ah, 1, size))
            let uN = part(cell.recurrentWeight, 2, size)
            let bN = part(cell.recurrentBias, 2, size)
            let n: Tensor<Double>
            switch formulation {
            case .resetBefore: n = tanh(part(ax, 2, size) + matmul(r * h, uN) + bN)
            case .resetAfter: n = tanh(part(ax, 2, size) + r * part(ah, 2, size))
            case .complementedGates: n = tanh(part(ax, 2, size) + matmul((1 - r) * h, uN) + bN)
            }
            h = formulation == .complementedGates ? z * n + (1 - z) * h : (1 - z) * n + z * h
            let step = cell.stepRecordingGates(x, state: state)
            state = step.state
            for (recorded, value) in [
                (step.gates.reset, r), (step.gates.update, z), (step.gates.candidate, n),
            ] {
                expectClose(recorded.scalars, value.scalars)
            }
            for (recorded, value) in [
                (fused.gates.reset, r), (fused.gates.update, z), (fused.gates.candidate, n),
            ] {
                expectClose(at(recorded, t).scalars, value.scalars)
            }
            expectClose(step.output.scalars, h.scalars)
        }
    }

    @Test func recordingLeavesTheGradientsAlone() {
        var generator = SeededGenerator(seed: 79)
        let layer = RecurrentLayer(LSTMCell<Double>(inputSize: 2, hiddenSize: 3, using: &generator))
        let weights = probe([3, 5, 3], seed: 80)
        let plain = gradient(at: layer) { ($0(inputs) * weights).sum() }
        let recorded = gradient(at: layer) {
            ($0.runRecordingGates(inputs).outputs * weights).sum()
        }
        for (a, b) in zip(plain, recorded) { #expect(a == b) }
    }
}
