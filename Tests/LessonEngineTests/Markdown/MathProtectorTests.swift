import Testing

@testable import LessonEngine

private let source = """
    # Title with $h_t$

    Text $a$ and `$code$` and \\$5.

    > $$
    > x_1
    > $$

    ```swift
    let s = "$$"
    ```
    """

@Test func protectionKeepsEveryLineAndLeavesOtherLinesAlone() throws {
    let protected = try MathProtector.protect(source)
    let before = source.split(separator: "\n", omittingEmptySubsequences: false)
    let after = protected.source.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(after.count == before.count)
    let mathLines = Set(protected.placeholders.spans.flatMap(\.lines))
    #expect(mathLines == [1, 3, 5, 6, 7])
    for line in before.indices where !mathLines.contains(line + 1) {
        #expect(after[line] == before[line])
    }
    #expect(after[4...6] == ["> %Mathph2Z%", "> %Mathph2Z%", "> %Mathph2Z%"])
    #expect(after[2] == "Text %Mathph1Z% and `$code$` and \\$5.")
}

@Test func placeholdersSplitTextAndRestoreSource() throws {
    let placeholders = try MathProtector.protect("$a$ $$b$$").placeholders
    #expect(placeholders.originals == ["$a$", "$$b$$"])
    #expect(
        placeholders.pieces(of: "x%Mathph1Z%y %Mathph0Z%%Mathph7Z% %Mathph1Z")
            == [
                .text("x"), .math(index: 1), .text("y "), .math(index: 0),
                .text("%Mathph7Z% %Mathph1Z"),
            ])
    #expect(placeholders.restoringSource(in: "<%Mathph0Z%|%Mathph1Z%>") == "<$a$|$$b$$>")
}
