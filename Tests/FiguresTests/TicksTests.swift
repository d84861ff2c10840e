import Testing

@testable import Figures

@Suite struct TicksTests {
    @Test func ticksAreRoundStepsCoveringTheData() {
        let ticks = Ticks(lower: -4, upper: 4)
        #expect(ticks.values == [-4, -2, 0, 2, 4])
        #expect(ticks.decimals == 0)
        let small = Ticks(lower: 0.013, upper: 0.26)
        #expect(small.lower <= 0.013 && small.upper >= 0.26)
        #expect(small.values.first == small.lower && small.values.last == small.upper)
        #expect(small.label(0.05) == "0.05")
    }

    @Test func aFlatRangeStillHasTicks() {
        let ticks = Ticks(lower: 1, upper: 1)
        #expect(ticks.values.count >= 2)
        #expect(ticks.lower < 1 && ticks.upper > 1)
    }

    @Test func roundStepsAreTheSmallestOneTwoOrFiveTimesAPowerOfTenCoveringTheRequest() {
        #expect(Ticks.step(atLeast: 1) == 1)
        #expect(Ticks.step(atLeast: 1.2) == 2)
        #expect(Ticks.step(atLeast: 2.8) == 5)
        #expect(Ticks.step(atLeast: 11) == 20)
        #expect(abs(Ticks.step(atLeast: 0.03) - 0.05) < 1e-12)
    }
}
