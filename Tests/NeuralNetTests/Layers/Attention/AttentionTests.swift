import Testing

@testable import NeuralNet

@Suite struct AttentionTests {
    let query = probe([2, 3, 4], seed: 1)
    let key = probe([2, 5, 4], seed: 2)
    let value = probe([2, 5, 3], seed: 3)

    @Test func weightsRowsSumToOneAndOutputMatchesLoops() {
        let weights = attentionWeights(query: query, key: key)
        let output = scaledDotProductAttention(query: query, key: key, value: value)
        #expect(output.shape == [2, 3, 3])
        var expected: [Double] = []
        for b in 0..<2 {
            for i in 0..<3 {
                var scores: [Double] = []
                for j in 0..<5 {
                    var dot = 0.0
                    for d in 0..<4 {
                        dot += query.scalars[(b * 3 + i) * 4 + d] * key.scalars[(b * 5 + j) * 4 + d]
                    }
                    scores.append(dot / 2)  // √4
                }
                let exponentials = scores.map { exponential($0) }
                let total = exponentials.reduce(0, +)
                let row = Array(weights.scalars[((b * 3 + i) * 5)..<((b * 3 + i) * 5 + 5)])
                expectClose([row.reduce(0, +)], [1])
                expectClose(row, exponentials.map { $0 / total })
                for v in 0..<3 {
                    expected.append(
                        (0..<5).map {
                            exponentials[$0] / total * value.scalars[(b * 5 + $0) * 3 + v]
                        }
                        .reduce(0, +))
                }
            }
        }
        expectClose(output.scalars, expected)
    }

    @Test func maskedKeysGetNoWeight() {
        let mask = Tensor<Double>([0, 1, 0, 0, 1], shape: [1, 5])
        let weights = attentionWeights(query: query, key: key, mask: mask)
        for row in 0..<6 {
            #expect(weights.scalars[row * 5 + 1] == 0)
            #expect(weights.scalars[row * 5 + 4] == 0)
            expectClose([weights.scalars[(row * 5)..<(row * 5 + 5)].reduce(0, +)], [1])
        }
        expectGradientMatches(at: query) { q in
            (scaledDotProductAttention(query: q, key: key, value: value, mask: mask)
                * probe([2, 3, 3], seed: 4)).sum()
        }
    }

    @Test func causalMaskHidesTheFuture() {
        #expect(causalMask(length: 3, as: Double.self).scalars == [0, 1, 1, 0, 0, 1, 0, 0, 0])
        var generator = SeededGenerator(seed: 5)
        let layer = MultiHeadSelfAttention<Double>(modelSize: 4, headCount: 2, using: &generator)
        let x = probe([1, 5, 4], seed: 6)
        var changed = x.scalars
        for index in 16..<20 { changed[index] += 1 }  // only the last position changes
        let mask = causalMask(length: 5, as: Double.self)
        let before = layer(x, mask: mask)
        let after = layer(Tensor(changed, shape: x.shape), mask: mask)
        expectClose(Array(before.scalars[0..<16]), Array(after.scalars[0..<16]))
        #expect(before.scalars[16..<20] != after.scalars[16..<20])
    }

    @Test func selfAttentionIsPermutationEquivariant() {
        var generator = SeededGenerator(seed: 7)
        var layer = MultiHeadSelfAttention<Double>(modelSize: 6, headCount: 3, using: &generator)
        layer.queryBias = probe([6], seed: 8)
        layer.outputBias = probe([6], seed: 9)
        let x = probe([2, 4, 6], seed: 10)
        let order = [2, 0, 3, 1]
        let permutedOutput = layer(x.gathered(order, alongAxis: 1))
        expectClose(permutedOutput.scalars, layer(x).gathered(order, alongAxis: 1).scalars)
    }

    @Test func multiHeadGradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 11)
        var layer = MultiHeadSelfAttention<Double>(modelSize: 4, headCount: 2, using: &generator)
        layer.keyBias = probe([4], seed: 12)
        let x = probe([2, 3, 4], seed: 13)
        let weights = probe([2, 3, 4], seed: 14)
        expectParameterGradientsMatch(layer) { ($0(x) * weights).sum() }
        expectGradientMatches(at: x) { (layer($0) * weights).sum() }
    }

    @Test func luongGeneralScoreIsTheBilinearForm() {
        var generator = SeededGenerator(seed: 15)
        let attention = MultiplicativeAttention<Double>(
            querySize: 3, keySize: 4, using: &generator)
        let decoder = probe([2, 3], seed: 16)
        let encoder = probe([2, 5, 4], seed: 17)
        let scores = attention.scores(query: decoder, keys: encoder)
        var expected: [Double] = []
        for b in 0..<2 {
            for j in 0..<5 {
                var total = 0.0
                for p in 0..<3 {
                    for q in 0..<4 {
                        total +=
                            decoder.scalars[b * 3 + p] * attention.weight.scalars[p * 4 + q]
                            * encoder.scalars[(b * 5 + j) * 4 + q]
                    }
                }
                expected.append(total)
            }
        }
        expectClose(scores.scalars, expected)
        let (context, weights) = attention(query: decoder, keys: encoder)
        #expect(context.shape == [2, 4])
        expectClose(weights.sum(alongAxes: 1).scalars, [1, 1])
        let probeWeights = probe([2, 4], seed: 18)
        expectParameterGradientsMatch(attention) {
            ($0(query: decoder, keys: encoder).context * probeWeights).sum()
        }
    }
}

/// `eˣ` of one number, from the C math library, not the tensor kernels.
private func exponential(_ x: Double) -> Double {
    Double.exp(x)
}
