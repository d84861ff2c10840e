import Testing

@testable import LessonEngine

/// A library file as a page: its place in the site, one anchored element per line, and
/// highlighting that stays well nested when a token spans lines.
@Suite struct SourceFilePageTests {
    @Test func aLibraryFileHasAPageAndALinkToALine() {
        #expect(
            SourceFilePage.page(of: "Sources/NeuralNet/Layers/Recurrent/LSTMCell.swift")
                == "source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html")
        #expect(
            SourceFilePage.link(file: "Sources/Brain/Izhikevich.swift", line: 42)
                == "source/Brain/Izhikevich.swift.html#L42")
        #expect(SourceFilePage.page(of: "Package.swift") == nil)
        #expect(SourceFilePage.page(of: "Sources/../Package.swift") == nil)
    }

    @Test func everyLineIsAnAnchoredElementAndTheTextIsUnchanged() {
        let text = "/// A cell.\npublic struct Cell {\n\n    let x = 1 // one\n}\n"
        let html = SourceFilePage(file: "Sources/Brain/Cell.swift", text: text).body()
        for line in 1...5 { #expect(html.contains("id=\"L\(line)\" data-line=\"\(line)\"")) }
        #expect(!html.contains("id=\"L6\""))
        let code = html.replacing(#/<[^>]*>/#, with: "")
        #expect(code.hasSuffix(text + "\n"))
    }

    @Test func aCommentSpanningLinesIsClosedAndReopenedOnEachLine() {
        let lines = SourceFilePage.lines(SwiftHighlighter.html("/* one\ntwo */ let x = 1"))
        #expect(lines.count == 2)
        #expect(lines[0] == "<span class=\"hl-comment\">/* one</span>")
        #expect(lines[1].hasPrefix("<span class=\"hl-comment\">two */</span>"))
        for line in lines {
            #expect(
                line.matches(of: #/<span/#).count == line.matches(of: #/</span>/#).count, "\(line)")
        }
    }
}
