import Testing

@testable import LessonEngine

@Suite struct BlockLibrarySourceTests {
    private func block(_ code: String, id: Int = 1) -> CodeBlock {
        CodeBlock(
            id: id, file: "Chapters/90-x.md", startLine: 10, endLine: 12, code: code,
            options: BlockOptions())
    }

    @Test func importsMoveToTheTopAndLeaveBlankLines() throws {
        let source = try #require(
            BlockLibrarySource(
                block: block("import Foundation\nprint(1)\n"), earlier: [], libraries: ["NeuralNet"]
            ))
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let location = try #require(lines.firstIndex { $0.hasPrefix("#sourceLocation(file:") })
        #expect(lines[location + 1] == "")
        #expect(lines[location + 2] == "print(1)")
        #expect(lines.firstIndex(of: "import Foundation")! < location)
        #expect(lines.contains("@testable import \(BlockLibrarySource.prefixModule)"))
    }

    @Test func theImportsOfTheBlocksAboveHoldInTheBlockToo() throws {
        let earlier = [block("import Foundation\nlet x = 1\n", id: 0)]
        let source = try #require(
            BlockLibrarySource(
                block: block("print(Foundation.sqrt(4.0))\n"), earlier: earlier, libraries: []))
        let lines = source.text.split(separator: "\n")
        let location = try #require(lines.firstIndex { $0.hasPrefix("#sourceLocation(file:") })
        #expect(lines.firstIndex(of: "import Foundation").map { $0 < location } == true)
    }

    @Test(arguments: [
        "struct Point {}\n", "final class Box {}\n",
        "extension Int { var twice: Int { self * 2 } }\n",
        "infix operator **\n", "func + (a: Point, b: Point) -> Point { a }\n",
        "@MainActor enum Mode { case on }\n", "typealias Vector = [Double]\n",
    ])
    func fileScopeDeclarationsHaveNoLibrarySource(code: String) {
        #expect(BlockLibrarySource(block: block(code), earlier: [], libraries: []) == nil)
    }

    @Test func nestedDeclarationsAndNewNamesFit() {
        let code =
            "func f() -> Int {\n    struct Inner { var x = 1 }\n    return Inner().x\n}\nlet y = f()\n"
        #expect(BlockLibrarySource(block: block(code), earlier: [], libraries: []) != nil)
    }

    @Test func aNameDeclaredAboveHasNoLibrarySource() {
        let earlier = [block("var total = 1\nlet (a, b) = (1, 2)\n", id: 0)]
        for code in [
            "let total = 2\n", "func total() {}\n", "var b = 3\n", "let (c, a) = (1, 2)\n",
        ] {
            #expect(BlockLibrarySource(block: block(code), earlier: earlier, libraries: []) == nil)
        }
        #expect(
            BlockLibrarySource(block: block("total += 1\n"), earlier: earlier, libraries: []) != nil
        )
    }
}
