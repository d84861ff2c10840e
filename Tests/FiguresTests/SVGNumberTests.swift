import Testing

@testable import Figures

@Suite struct SVGNumberTests {
    @Test func fixedDecimalsRoundAndPad() {
        #expect(SVGNumber.format(1.005, decimals: 1) == "1.0")
        #expect(SVGNumber.format(2.5, decimals: 2) == "2.50")
        #expect(SVGNumber.format(-0.125, decimals: 2) == "-0.13")
        #expect(SVGNumber.format(-0.001, decimals: 2) == "0.00")
        #expect(SVGNumber.format(42, decimals: 0) == "42")
    }

    @Test func coordinatesDropTrailingZeros() {
        #expect(SVGNumber.coordinate(12.5) == "12.5")
        #expect(SVGNumber.coordinate(3) == "3")
        #expect(SVGNumber.coordinate(-0.001) == "0")
    }
}
