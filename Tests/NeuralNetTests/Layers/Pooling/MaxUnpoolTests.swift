import Testing

@testable import NeuralNet

@Suite struct MaxUnpoolTests {
    @Test func indicesByHandWithTiesToTheFirstInRowMajorOrder() {
        // Two 2×2 windows side by side: [1 5 / 3 2] and [4 4 / 0 4], one channel.
        let x = Tensor<Double>([1, 5, 4, 4, 3, 2, 0, 4], shape: [1, 2, 4, 1])
        let (output, indices) = MaxPool2D<Double>(poolSize: (2, 2))(returningIndices: x)
        #expect(output.scalars == [5, 4])
        #expect(indices == [1, 2])
    }

    @Test func indicesPointAtTheMaximaAcrossChannelsAndPadding() {
        let x = probe([2, 5, 4, 3], seed: 8)
        for padding in [Padding.valid, .same] {
            let pool = MaxPool2D<Double>(poolSize: (2, 3), strides: (2, 1), padding: padding)
            let (output, indices) = pool(returningIndices: x)
            #expect(output == pool(x))
            #expect(indices.map { x.scalars[$0] } == output.scalars)
        }
    }

    @Test func unpoolingInvertsPoolingOnTheChosenPositions() {
        let x = probe([2, 4, 6, 3], seed: 9)
        let (output, indices) = MaxPool2D<Double>(poolSize: (2, 2))(returningIndices: x)
        let restored = maxUnpool(output, indices: indices, shape: x.shape)
        #expect(restored.shape == x.shape)
        let chosen = Set(indices)
        for index in x.scalars.indices {
            #expect(restored.scalars[index] == (chosen.contains(index) ? x.scalars[index] : 0))
        }
    }

    @Test func unpoolingGradientMatchesFiniteDifferences() {
        let x = probe([1, 4, 4, 2], seed: 10)
        let (output, indices) = MaxPool2D<Double>(poolSize: (2, 2))(returningIndices: x)
        let weights = probe([1, 4, 4, 2], seed: 11)
        expectGradientMatches(at: output) {
            (maxUnpool($0, indices: indices, shape: x.shape) * weights).sum()
        }
        // By hand: each value's gradient is the weight at its index.
        let slope = gradient(at: output) {
            (maxUnpool($0, indices: indices, shape: x.shape) * weights).sum()
        }
        #expect(slope.scalars == indices.map { weights.scalars[$0] })
    }

    @Test func anIndexOutsideTheShapeNamesTheOperation() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = maxUnpool(Tensor<Double>([1, 2]), indices: [0, 9], shape: [2, 2])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("maxUnpool(_:indices:shape:): index 9 lies outside shape [2, 2]"))
    }
}
