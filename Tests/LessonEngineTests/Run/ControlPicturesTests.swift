import Testing

@testable import LessonEngine

/// Control characters compare as their pictures, so an expected output may hold either.
@Suite struct ControlPicturesTests {
    @Test func aPictureAndTheRawCharacterMeanTheSame() {
        #expect(ControlPictures.visible("a\u{1B}[0m\u{0}\t\n\u{7F}") == "a␛[0m␀\t\n␡")
        #expect(ControlPictures.visible("plain ✓ text\n") == "plain ✓ text\n")
        #expect(
            OutputComparison.matches(actual: "␛[1mbold", expected: "\u{1B}[1mbold", tolerance: nil))
        #expect(OutputComparison.matches(actual: "x␀", expected: "x\u{0}", tolerance: 1e-9))
        #expect(!OutputComparison.matches(actual: "␛[1mbold", expected: "[1mbold", tolerance: nil))
    }
}
