import Testing

@testable import NeuralNet

/// ``LaneLoop`` runs a body eight lanes at a time and then one at a time: every element must
/// be visited once, and get the bits a plain scalar loop gives.
@Suite struct LanesTests {
    /// `target = target·source - (1 - source)` at each element, written once over ``Lanes``.
    private struct Blend<Element: TensorScalar>: LaneLoop {
        let target: UnsafeMutablePointer<Element>
        let source: UnsafePointer<Element>

        func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element {
            let (t, s) = (L(loading: target + j), L(loading: source + j))
            (t * s - (L.one - s)).store(to: target + j)
        }
    }

    /// Exact: widening a `Float` to `Double` keeps its value and sign.
    private func bits<Scalar: TensorScalar>(_ values: [Scalar]) -> [UInt64] {
        values.map { Double($0).bitPattern }
    }

    private func expectScalarBits<Scalar: TensorScalar>(_: Scalar.Type, count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let source = (0..<count).map { _ in Scalar(Double.random(in: -3...3, using: &generator)) }
        let start = (0..<count).map { _ in Scalar(Double.random(in: -3...3, using: &generator)) }
        let expected = zip(start, source).map { t, s in t * s - (1 - s) }
        var target = start
        target.withUnsafeMutableBufferPointer { target in
            source.withUnsafeBufferPointer { source in
                Blend(target: target.start, source: source.start).run(count: count)
            }
        }
        #expect(bits(target) == bits(expected), "count \(count)")
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16, 19])
    func everyElementGetsTheScalarLoopsBits(count: Int) {
        expectScalarBits(Float.self, count: count)
        expectScalarBits(Double.self, count: count)
    }

    @Test func accumulateAddsRowByRow() {
        let x: [Float] = (0..<27).map { Float($0) * 0.1 }  // 3 rows of 9
        let sums = RecurrentKernel.columnSums(x, columns: 9)
        let expected: [Float] = (0..<9).map { column in
            let (first, second, third) = (x[column], x[9 + column], x[18 + column])
            return first + second + third
        }
        #expect(sums == expected)
    }
}
