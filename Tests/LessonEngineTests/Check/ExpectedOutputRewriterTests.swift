import Testing

@testable import LessonEngine

@Suite struct ExpectedOutputRewriterTests {
    let source = """
        # 1 Title
        ```swift
        print(1)
        ```
        ```output tolerance=1e-6
        old
        ```
        ```output
        not this one
        ```
        """

    @Test func rewritesOnlyTheLinesOfTheGivenBlock() {
        let expected = ExpectedOutput(
            text: "old\n", startLine: 5, endLine: 7, info: "tolerance=1e-6", tolerance: 1e-6)
        let result = ExpectedOutputRewriter.apply(
            [.init(expected: expected, newText: "new 1\nnew 2\n")], to: source)
        #expect(
            result == """
                # 1 Title
                ```swift
                print(1)
                ```
                ```output tolerance=1e-6
                new 1
                new 2
                ```
                ```output
                not this one
                ```
                """)
    }

    @Test func growsTheFenceWhenTheOutputHoldsOne() {
        let expected = ExpectedOutput(
            text: "old\n", startLine: 5, endLine: 7, info: "", tolerance: nil)
        let result = ExpectedOutputRewriter.apply(
            [.init(expected: expected, newText: "```\n")], to: source)
        #expect(result.contains("````output\n```\n````\n"))
    }
}
