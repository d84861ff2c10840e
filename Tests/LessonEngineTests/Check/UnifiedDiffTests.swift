import Testing

@testable import LessonEngine

@Suite struct UnifiedDiffTests {
    @Test func showsChangedLinesWithContext() {
        let diff = UnifiedDiff.make(
            expected: "a\nb\nc\nd", actual: "a\nB\nc\nd", header: "Chapters/x.md:10")
        #expect(
            diff == """
                --- expected (Chapters/x.md:10)
                +++ actual
                @@ -1,4 +1,4 @@
                 a
                -b
                +B
                 c
                 d
                """)
    }

    @Test func separatesDistantChangesIntoHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "2\n", with: "two\n").replacingOccurrences(
            of: "19", with: "nineteen")
        let diff = UnifiedDiff.make(expected: old, actual: new, header: "f")
        #expect(diff.components(separatedBy: "\n@@").count == 3)
        #expect(diff.contains("-19\n+nineteen"))
    }
}
