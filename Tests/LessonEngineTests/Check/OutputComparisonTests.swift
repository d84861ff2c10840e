import Testing

@testable import LessonEngine

@Suite struct OutputComparisonTests {
    @Test func trailingWhitespaceAndBlankLinesAreIgnored() {
        #expect(
            OutputComparison.matches(actual: "a  \nb\t\n\n\n", expected: "a\nb", tolerance: nil))
        #expect(!OutputComparison.matches(actual: " a", expected: "a", tolerance: nil))
        #expect(!OutputComparison.matches(actual: "a\n\nb", expected: "a\nb", tolerance: nil))
    }

    @Test func exactComparisonSeesTheSmallestDifference() {
        #expect(!OutputComparison.matches(actual: "0.50001", expected: "0.50000", tolerance: nil))
    }

    @Test func toleranceComparesNumbersAsNumbers() {
        let expected = "loss = 0.1234, grad [1.0e-3, -2.5]"
        #expect(
            OutputComparison.matches(
                actual: "loss = 0.12341, grad [1.0e-3, -2.5]", expected: expected, tolerance: 1e-3))
        #expect(
            !OutputComparison.matches(
                actual: "loss = 0.1300, grad [1.0e-3, -2.5]", expected: expected, tolerance: 1e-3))
        #expect(
            !OutputComparison.matches(
                actual: "LOSS = 0.1234, grad [1.0e-3, -2.5]", expected: expected, tolerance: 1e-3))
        #expect(
            !OutputComparison.matches(
                actual: "loss = 0.1234, grad [1.0e-3, 2.5]", expected: expected, tolerance: 1e-3))
        // Relative for large numbers, absolute near zero.
        #expect(OutputComparison.matches(actual: "1000.5", expected: "1000", tolerance: 1e-3))
        #expect(!OutputComparison.matches(actual: "1.5", expected: "1", tolerance: 1e-3))
    }

    @Test func tokensSeparateNumbersFromText() {
        #expect(OutputComparison.tokens("x=-1.5e2 y") == [.text("x="), .number(-150), .text(" y")])
        #expect(OutputComparison.matches(actual: "nan inf", expected: "nan inf", tolerance: 1e-3))
        #expect(!OutputComparison.matches(actual: "nan", expected: "0.0", tolerance: 1e-3))
    }
}
