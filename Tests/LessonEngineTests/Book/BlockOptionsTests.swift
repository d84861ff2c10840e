import Testing

@testable import LessonEngine

@Suite struct BlockOptionsTests {
    @Test func parsesEveryOption() throws {
        let options = try BlockOptions(words: ["hidden", "name=setup", "verifies=eq:a,eq:b"])
        #expect(options.hidden && !options.fails && !options.noRun)
        #expect(options.name == "setup")
        #expect(options.verifies == ["eq:a", "eq:b"])
        #expect(try BlockOptions(words: ["fails", "isolated"]).fails)
    }

    @Test func rejectsUnknownAndContradictoryOptions() {
        #expect(throws: OptionError.self) { try BlockOptions(words: ["hiden"]) }
        #expect(throws: OptionError.self) { try BlockOptions(words: ["norun", "fails"]) }
    }

    @Test func outputToleranceMustBeANumber() throws {
        #expect(try ExpectedOutput.tolerance(from: ["tolerance=1e-4"]) == 1e-4)
        #expect(throws: OptionError.self) { try ExpectedOutput.tolerance(from: ["tolerance=big"]) }
        #expect(throws: OptionError.self) { try ExpectedOutput.tolerance(from: ["exact"]) }
    }
}
