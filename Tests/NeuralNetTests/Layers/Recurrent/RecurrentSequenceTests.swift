import Testing

@testable import NeuralNet

/// The fused whole-sequence primitives against the cells called step by step: the same
/// outputs, final states and gradients, in `Double` to rounding and in `Float` to the
/// vectorised activations' error; and their own gradients against finite differences.
@Suite struct RecurrentSequenceTests {
    let inputs = probe([3, 5, 2], seed: 31)  // batch 3, 5 steps, 2 features

    /// The largest absolute difference between two tensors of the same shape.
    private func gap<Scalar: TensorScalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>) -> Double {
        #expect(a.shape == b.shape)
        return zip(a.scalars, b.scalars).map { abs(Double($0) - Double($1)) }.max() ?? 0
    }

    /// A loss of every output and of the final state, run fused or step by step.
    private func loss<Cell: RecurrentCell>(
        _ cell: Cell, _ x: Tensor<Double>, _ state: Cell.State, fused: Bool,
        finalState: (Cell.State) -> Tensor<Double>
    ) -> Tensor<Double> where Cell.Scalar == Double {
        let run = fused ? cell.unroll(x, from: state) : cell.unrollStepByStep(x, from: state)
        let final = finalState(run.finalState)
        return (run.outputs * probe(run.outputs.shape, seed: 32)).sum()
            + (final * probe(final.shape, seed: 33)).sum()
    }

    /// Expects `cell.unroll` to agree with `cell.unrollStepByStep` on the loss and on its
    /// gradients with respect to the inputs, the initial state and every parameter, and its
    /// gradients to match finite differences.
    private func expectFusedMatchesSteps<Cell: RecurrentCell>(
        _ cell: Cell, state: Tensor<Double>, makeState: (Tensor<Double>) -> Cell.State,
        finalState: (Cell.State) -> Tensor<Double>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) where Cell.Scalar == Double {
        let fused = cell.unroll(inputs, from: makeState(state))
        let steps = cell.unrollStepByStep(inputs, from: makeState(state))
        #expect(gap(fused.outputs, steps.outputs) < 1e-14, sourceLocation: sourceLocation)
        #expect(
            gap(finalState(fused.finalState), finalState(steps.finalState)) < 1e-14,
            sourceLocation: sourceLocation)
        for (a, b) in zip(
            gradient(at: cell) {
                loss($0, inputs, makeState(state), fused: true, finalState: finalState)
            },
            gradient(at: cell) {
                loss($0, inputs, makeState(state), fused: false, finalState: finalState)
            })
        {
            #expect(gap(a, b) < 1e-13, sourceLocation: sourceLocation)
        }
        let (dxFused, dStateFused) = gradient(at: inputs, state) {
            loss(cell, $0, makeState($1), fused: true, finalState: finalState)
        }
        let (dxSteps, dStateSteps) = gradient(at: inputs, state) {
            loss(cell, $0, makeState($1), fused: false, finalState: finalState)
        }
        #expect(gap(dxFused, dxSteps) < 1e-13, sourceLocation: sourceLocation)
        #expect(gap(dStateFused, dStateSteps) < 1e-13, sourceLocation: sourceLocation)
        expectParameterGradientsMatch(cell, sourceLocation: sourceLocation) {
            loss($0, inputs, makeState(state), fused: true, finalState: finalState)
        }
        expectGradientMatches(at: inputs, sourceLocation: sourceLocation) {
            loss(cell, $0, makeState(state), fused: true, finalState: finalState)
        }
        expectGradientMatches(at: state, sourceLocation: sourceLocation) {
            loss(cell, inputs, makeState($0), fused: true, finalState: finalState)
        }
    }

    /// Four hidden units run the kernels' single-lane tails only; eleven also their `SIMD8`
    /// loops (eight units, then three).
    @Test(arguments: [(hidden: 4, seed: 34), (hidden: 11, seed: 44)])
    func lstmSequenceMatchesItsSteps(hidden: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var cell = LSTMCell<Double>(inputSize: 2, hiddenSize: hidden, using: &generator)
        cell.bias = probe([4 * hidden], seed: seed + 1)
        expectFusedMatchesSteps(
            cell, state: probe([3, 2 * hidden], seed: seed + 2),
            makeState: { LSTMState(combined: $0) }, finalState: \.combined)
    }

    @Test(arguments: [GRUCell<Double>.Formulation.resetAfter, .resetBefore, .complementedGates])
    func gruSequenceMatchesItsSteps(formulation: GRUCell<Double>.Formulation) {
        var generator = SeededGenerator(seed: 39)
        var cell = GRUCell<Double>(
            inputSize: 2, hiddenSize: 4, formulation: formulation, using: &generator)
        cell.inputBias = probe([12], seed: 40)
        cell.recurrentBias = probe([12], seed: 41)
        expectFusedMatchesSteps(
            cell, state: probe([3, 4], seed: 42), makeState: { $0 }, finalState: { $0 })
    }

    @Test(arguments: [GRUCell<Float>.Formulation.resetAfter, .resetBefore, .complementedGates])
    func floatGRUSequenceMatchesItsStepsToTheActivationsError(
        formulation: GRUCell<Float>.Formulation
    ) {
        var generator = SeededGenerator(seed: 43)
        let cell = GRUCell<Float>(
            inputSize: 2, hiddenSize: 13, formulation: formulation, using: &generator)
        let x = Tensor<Float>(inputs.scalars.map(Float.init), shape: inputs.shape)
        let state = cell.zeroState(batchSize: 3)
        let fused = cell.unroll(x, from: state)
        let steps = cell.unrollStepByStep(x, from: state)
        #expect(gap(fused.outputs, steps.outputs) < 1e-6)
        #expect(gap(fused.finalState, steps.finalState) < 1e-6)
    }

    @Test func floatLSTMSequenceMatchesItsStepsToTheActivationsError() {
        var generator = SeededGenerator(seed: 37)
        let cell = LSTMCell<Float>(inputSize: 2, hiddenSize: 13, using: &generator)
        let x = Tensor<Float>(inputs.scalars.map(Float.init), shape: inputs.shape)
        let state = cell.zeroState(batchSize: 3)
        let fused = cell.unroll(x, from: state)
        let steps = cell.unrollStepByStep(x, from: state)
        #expect(gap(fused.outputs, steps.outputs) < 1e-6)
        #expect(gap(fused.finalState.combined, steps.finalState.combined) < 1e-6)
    }

    @Test func aLayerRunsTheFusedSequence() {
        var generator = SeededGenerator(seed: 38)
        let layer = RecurrentLayer(LSTMCell<Double>(inputSize: 2, hiddenSize: 4, using: &generator))
        let run = layer.run(inputs)
        let fused = layer.cell.unroll(inputs, from: layer.cell.zeroState(batchSize: 3))
        #expect(Tensor.stacked(run.outputs, alongAxis: 1) == fused.outputs)
        #expect(layer(inputs) == fused.outputs)
        #expect(layer.lastOutput(for: inputs) == run.outputs[4])
        #expect(run.finalState.combined == fused.finalState.combined)
    }

    @Test func aSequenceOfTheWrongShapeNamesIt() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            var generator = SeededGenerator(seed: 1)
            let cell = LSTMCell<Double>(inputSize: 2, hiddenSize: 3, using: &generator)
            _ = cell.unroll(.zeros(shape: [4, 6, 5]), from: cell.zeroState(batchSize: 4))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains("LSTMCell: sequence of shape [4, 6, 5] needs shape [4, time ≥ 1, 2]"))
    }
}
