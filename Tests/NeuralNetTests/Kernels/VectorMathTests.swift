import Foundation
import Testing

@testable import NeuralNet

/// The vectorised exponential, sigmoid and tanh against `Double` references.
@Suite struct VectorMathTests {
    /// The largest error of `function` in units of `Float`'s spacing at the reference value,
    /// over `points`, eight at a time.
    private func worstULPs(
        _ points: [Float], _ function: (SIMD8<Float>) -> SIMD8<Float>,
        reference: (Double) -> Double
    ) -> Double {
        var worst = 0.0
        for start in stride(from: 0, to: points.count - 7, by: 8) {
            var x = SIMD8<Float>()
            for lane in 0..<8 { x[lane] = points[start + lane] }
            let y = function(x)
            for lane in 0..<8 {
                let exact = reference(Double(x[lane]))
                let spacing = Double(Float(exact).ulp)
                worst = max(worst, abs(Double(y[lane]) - exact) / spacing)
            }
        }
        return worst
    }

    private func grid(_ range: ClosedRange<Float>, step: Float) -> [Float] {
        Array(stride(from: range.lowerBound, through: range.upperBound, by: step))
    }

    @Test func theExponentialIsWithinTwoULPs() {
        #expect(
            worstULPs(grid(-87...88, step: 0.0137), VectorMath.exp, reference: Foundation.exp) <= 2)
    }

    @Test func sigmoidAndTanhAreWithinThreeAndTwoULPs() {
        let points = grid(-30...30, step: 0.000_97)
        #expect(worstULPs(points, VectorMath.sigmoid) { 1 / (1 + Foundation.exp(-$0)) } <= 3)
        #expect(worstULPs(points, VectorMath.tanh, reference: Foundation.tanh) <= 2)
    }

    @Test func theyStayFiniteAtTheExtremes() {
        let x = SIMD8<Float>(-1e30, -200, -88, -0.0, 0, 88, 200, 1e30)
        let (e, s, t) = (VectorMath.exp(x), VectorMath.sigmoid(x), VectorMath.tanh(x))
        for lane in 0..<8 {
            #expect(e[lane].isFinite && s[lane].isFinite && t[lane].isFinite)
        }
        #expect(s[0] < 1e-37 && s[7] == 1 && t[0] == -1 && t[7] == 1 && t[4] == 0)
    }

    @Test func applyTreatsAPartialGroupLikeAFullOne() {
        var values: [Float] = (0..<13).map { Float($0) * 0.37 - 2 }
        let expected = (0..<13).map { index -> Float in
            var lane = SIMD8<Float>(repeating: values[index])
            lane = VectorMath.tanh(lane)
            return lane[0]
        }
        values.withUnsafeMutableBufferPointer {
            VectorMath.apply(VectorMath.tanh, to: $0.baseAddress!, count: 13)
        }
        #expect(values == expected)
    }
}
