import Figures
import Foundation
import Testing

@testable import LessonEngine

/// Figures go from the chapter program to the engine through files, attributed to blocks
/// exactly like printed output, and never mixed into it.
@Suite struct FigureChannelTests {
    @Test func theEngineAndTheLibraryAgreeOnTheChannel() {
        #expect(FigureFolder.folderKey == FigureChannel.folderKey)
        #expect(FigureFolder.blockKey == FigureChannel.blockKey)
    }

    @Test func eachBlockGetsTheFiguresItShowedInOrder() throws {
        let result = try TestPackage.run("figures.md")
        #expect(result.passed, "\(result.problems)")
        let figures = result.blocks.map { $0.figures.map(\.altText) }
        #expect(figures.count == 3)
        #expect(
            figures[0] == [
                "Line plot “Line”: 1 series (identity); x from 0.0 to 2.0, y from 0.0 to 2.0."
            ])
        #expect(figures[1].isEmpty)
        #expect(figures[2].count == 2)
        #expect(figures[2][0].hasPrefix("Heat map “Two”"))
        #expect(figures[2][1].hasPrefix("Image grid “Three”"))
        #expect(result.blocks[0].output == "before\nafter\n")
        #expect(result.blocks[0].figures[0].svg.hasPrefix("<svg"))
        #expect(result.blocks[0].figures[0].savedAs == nil)
    }

    @Test func lessonsRunKeepsACopyOfEachFigureUnderTheBuildFolder() throws {
        let chapter = try TestPackage.fixture("figures.md")
        var workspace = Workspace(root: TestPackage.root)
        workspace.toolchain = try TestPackage.toolchain()
        let result = try workspace.run(chapter, section: nil, observer: nil)
        let saved = try #require(result.blocks[2].figures.last?.savedAs)
        #expect(saved == ".build-lessons/figures/chapter1/block2-2.svg")
        let copy = try String(
            contentsOf: TestPackage.root.appendingPathComponent(saved), encoding: .utf8)
        #expect(copy == result.blocks[2].figures[1].svg)
        #expect(
            TerminalReporter.verdict(result.blocks[2]).contains(
                "▣ figure 2: wrote \(saved) — \(result.blocks[2].figures[1].altText)"))
    }

    /// A plot whose labels look like event handlers is shown; a figure that is not what
    /// `Figures` writes is left out of the page and fails its block at its line, so `check`
    /// and `build` fail (before, it was dropped silently and the build passed).
    @Test func aFigureFiguresWouldNotWriteFailsItsBlockAndStaysOffThePage() throws {
        let result = try TestPackage.run("hostile-figure.md")
        #expect(result.blocks[0].passed, "\(result.blocks[0].problem ?? "")")
        #expect(result.blocks[0].figures.count == 1)
        #expect(!result.blocks[1].passed)
        #expect(result.blocks[1].output == "shown\n")
        let fence = try TestPackage.line(of: "struct Sneaky", in: "hostile-figure.md") - 1
        #expect(result.problems.count == 1)
        #expect(
            result.problems.first?.hasPrefix(
                "\(TestPackage.fixturePath("hostile-figure.md")):\(fence): figure 1 was left out "
                    + "of the page: its SVG is not what Figures writes (it is not well-formed XML"
            ) == true, "\(result.problems)")
        let chapter = result.chapter
        let page = try ChapterPage(
            chapter: chapter,
            results: Dictionary(uniqueKeysWithValues: result.blocks.map { ($0.block.id, $0) }),
            formulas: FormulaCatalog(chapters: [chapter]), math: MathCatalog()
        ).body()
        #expect(page.contains("<figure class=\"plot\">"))
        #expect(page.contains("<figure class=\"plot rejected\">"))
        #expect(!page.contains("<svg/onload"), "the code that made it is shown, escaped; it is not")
    }
}
