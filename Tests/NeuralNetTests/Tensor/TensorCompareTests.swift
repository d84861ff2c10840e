import Testing

@testable import NeuralNet

@Suite struct TensorCompareTests {
    let a = Tensor<Double>([1, 5, -2, 7])
    let b = Tensor<Double>([1, 4, 0, 9])

    @Test func comparisonsGiveMasks() {
        #expect((a .== b).scalars == [1, 0, 0, 0])
        #expect((a .!= b).scalars == [0, 1, 1, 1])
        #expect((a .< b).scalars == [0, 0, 1, 1])
        #expect((a .<= b).scalars == [1, 0, 1, 1])
        #expect((a .> b).scalars == [0, 1, 0, 0])
        #expect((a .>= b).scalars == [1, 1, 0, 0])
        #expect((a .> 0).scalars == [1, 1, 0, 1])
    }

    @Test func whichPicksAndRoutesGradients() {
        let mask = a .> b
        #expect(which(mask, a, b) == Tensor([1, 5, 0, 9]))
        let (da, db) = gradient(at: a, b) { which(mask, $0, $1 * 2).sum() }
        #expect(da.scalars == [0, 1, 0, 0])
        #expect(db.scalars == [2, 0, 2, 2])
    }

    @Test func fillingMasksValues() {
        let scores = Tensor<Double>([1, 2, 3, 4], shape: [2, 2])
        let upper = Tensor<Double>([0, 1, 0, 0], shape: [2, 2])
        let masked = scores.filling(where: upper, with: -.infinity)
        #expect(masked.scalars == [1, -.infinity, 3, 4])
        #expect(
            gradient(at: scores) { $0.filling(where: upper, with: 0).sum() }.scalars == [
                1, 0, 1, 1,
            ])
    }

    @Test func equalityIgnoresTracking() {
        #expect(Tensor<Double>([1, 2], requiresGradient: true) == Tensor([1, 2]))
        #expect(Tensor<Double>([1, 2]) != Tensor([1, 2], shape: [2, 1]))
    }
}
