import Testing

@testable import NeuralNet

@Suite struct CausalMaskTests {
    @Test func twoQueriesAndFourKeysByHand() {
        #expect(
            causalMask(queries: 2, keys: 4, alignment: .topLeft, as: Double.self).scalars
                == [0, 1, 1, 1, 0, 0, 1, 1])
        #expect(
            causalMask(queries: 2, keys: 4, alignment: .bottomRight, as: Double.self).scalars
                == [0, 0, 0, 1, 0, 0, 0, 0])
        // More queries than keys: bottom-right hides every key from the first query.
        #expect(
            causalMask(queries: 3, keys: 2, alignment: .bottomRight, as: Double.self).scalars
                == [1, 1, 0, 1, 0, 0])
        #expect(causalMask(queries: 0, keys: 3, as: Double.self).shape == [0, 3])
    }

    @Test func equalLengthsGiveTheSquareMaskEitherWay() {
        let square = causalMask(length: 5, as: Double.self)
        #expect(causalMask(queries: 5, keys: 5, alignment: .topLeft, as: Double.self) == square)
        #expect(causalMask(queries: 5, keys: 5, alignment: .bottomRight) == square)
    }

    /// Bottom-right is what the last queries of a sequence need: their rows of the square
    /// mask. Top-left gives the first queries' rows.
    @Test func eachAlignmentIsASliceOfTheSquareMask() {
        let square = causalMask(length: 6, as: Double.self)
        #expect(
            causalMask(queries: 2, keys: 6, alignment: .bottomRight)
                == square.sliced(alongAxis: 0, 4..<6))
        #expect(
            causalMask(queries: 2, keys: 6, alignment: .topLeft)
                == square.sliced(alongAxis: 0, 0..<2))
    }

    @Test func attentionWithABottomRightMaskSeesOnlyThePast() {
        let query = probe([2, 3], seed: 90)
        let key = probe([4, 3], seed: 91)
        let weights = attentionWeights(
            query: query, key: key,
            mask: causalMask(queries: 2, keys: 4, alignment: .bottomRight))
        #expect(weights.scalars[3] == 0)  // query 0 cannot see key 3
        #expect(weights.scalars[4..<8].allSatisfy { $0 > 0 })  // query 1 sees every key
        let topLeft = attentionWeights(
            query: query, key: key, mask: causalMask(queries: 2, keys: 4, alignment: .topLeft))
        #expect(topLeft.scalars[0] == 1)  // query 0 sees only key 0
    }
}
