import Testing

@testable import NeuralNet

@Suite struct DatasetsTests {
    @Test func digitsLoadScaledWithTheBookSplit() {
        let digits = Datasets.digits(as: Double.self)
        #expect(digits.features.shape == [1797, 64])
        #expect(digits.classCount == 10)
        // The first image's first row in the CSV: 0,0,5,13,9,1,0,0; its label 0.
        expectClose(
            Array(digits.features.scalars[0..<8]), [0, 0, 5, 13, 9, 1, 0, 0].map { $0 / 16 })
        #expect(digits.labels.prefix(4) == [0, 1, 2, 3])
        #expect(digits.features.scalars.allSatisfy { (0...1).contains($0) })
        let (training, test) = Datasets.digitsSplit(as: Float.self)
        #expect((training.count, test.count) == (1500, 297))
        #expect(test.labels == Array(digits.labels[1500...]))
    }

    @Test func irisHasFiftyOfEachSpecies() {
        let iris = Datasets.iris(as: Double.self)
        #expect(iris.features.shape == [150, 4])
        expectClose(Array(iris.features.scalars[0..<4]), [5.1, 3.5, 1.4, 0.2])
        #expect((0..<3).map { label in iris.labels.filter { $0 == label }.count } == [50, 50, 50])
    }

    @Test func generatorsRepeatForASeed() {
        var first = SeededGenerator(seed: 4)
        var second = SeededGenerator(seed: 4)
        let a = Datasets.twoMoons(count: 50, as: Double.self, using: &first)
        let b = Datasets.twoMoons(count: 50, as: Double.self, using: &second)
        #expect(a.features == b.features && a.labels == b.labels)
        #expect(a.labels.filter { $0 == 1 }.count == 25)
    }

    @Test func noiselessMoonsLieOnTheirCircles() {
        var generator = SeededGenerator(seed: 5)
        let moons = Datasets.twoMoons(count: 40, noise: 0, as: Double.self, using: &generator)
        for (index, label) in moons.labels.enumerated() {
            var (x, y) = (moons.features.scalars[2 * index], moons.features.scalars[2 * index + 1])
            if label == 1 { (x, y) = (1 - x, 0.5 - y) }
            expectClose([x * x + y * y], [1])
            #expect(y >= -1e-12)
        }
    }

    @Test func spiralsHaveTheirClasses() {
        var generator = SeededGenerator(seed: 6)
        let spirals = Datasets.spirals(
            countPerClass: 30, classes: 3, as: Float.self, using: &generator)
        #expect(spirals.features.shape == [90, 2])
        #expect(spirals.classCount == 3)
    }

    @Test func addingProblemMarksOneStepInEachHalf() {
        var generator = SeededGenerator(seed: 7)
        let data = Datasets.addingProblem(
            count: 2000, length: 50, as: Double.self, using: &generator)
        #expect(data.inputs.shape == [2000, 50, 2])
        var squaredError = 0.0
        for sample in 0..<2000 {
            let steps = data.inputs.scalars[(sample * 100)..<(sample * 100 + 100)]
            let values = stride(from: 0, to: 100, by: 2).map { steps[steps.startIndex + $0] }
            let markers = stride(from: 1, to: 100, by: 2).map { steps[steps.startIndex + $0] }
            let marked = markers.indices.filter { markers[$0] == 1 }
            #expect(marked.count == 2 && marked[0] < 25 && marked[1] >= 25)
            expectClose([data.targets.scalars[sample]], [values[marked[0]] + values[marked[1]]])
            squaredError += (data.targets.scalars[sample] - 1) * (data.targets.scalars[sample] - 1)
        }
        // Predicting the mean leaves the variance of a sum of two uniforms, 2/12.
        #expect(abs(squaredError / 2000 - 1.0 / 6) < 0.015)
    }

    @Test func sineTargetsContinueTheWave() {
        var generator = SeededGenerator(seed: 8)
        let data = Datasets.sineWaves(count: 20, length: 50, as: Double.self, using: &generator)
        #expect(data.inputs.shape == [20, 50, 1] && data.targets.shape == [20, 1])
        for sample in 0..<20 {
            let s = Array(data.inputs.scalars[(sample * 50)..<(sample * 50 + 50)])
            // A sinusoid obeys s(t+1) = 2cos(ω)·s(t) - s(t-1); find 2cos ω from a well-scaled step.
            let t = (1..<49).max { abs(s[$0]) < abs(s[$1]) }!
            let twiceCosine = (s[t + 1] + s[t - 1]) / s[t]
            expectClose(
                [data.targets.scalars[sample]], [twiceCosine * s[49] - s[48]], tolerance: 1e-9)
        }
    }

    @Test func gaussianMixtureSamplesCentreOnTheirMeans() {
        var generator = SeededGenerator(seed: 9)
        let data = Datasets.gaussianMixture(
            count: 4000, means: [[-2, 0], [3, 1]], standardDeviations: [0.5, 1],
            weights: [1, 3], as: Double.self, using: &generator)
        let second = data.labels.indices.filter { data.labels[$0] == 1 }
        #expect(abs(Double(second.count) / 4000 - 0.75) < 0.03)
        let xs = second.map { data.features.scalars[2 * $0] }
        #expect(abs(xs.reduce(0, +) / Double(xs.count) - 3) < 0.06)
    }

    @Test func shuffledBatchesCoverEverySampleOnce() {
        var generator = SeededGenerator(seed: 10)
        let data = LabeledDataset(
            features: Tensor<Double>((0..<70).map(Double.init), shape: [70, 1]),
            labels: Array(0..<70))
        let batches = data.batches(size: 32, shuffledUsing: &generator)
        #expect(batches.map(\.count) == [32, 32, 6])
        let seen = batches.flatMap(\.labels)
        #expect(seen.sorted() == Array(0..<70))
        #expect(seen != Array(0..<70))
        #expect(batches[0].features.scalars == batches[0].labels.map(Double.init))
        var again = SeededGenerator(seed: 10)
        #expect(seededPermutation(count: 70, using: &again) == seen)
    }
}
