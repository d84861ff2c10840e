import Testing

@testable import LessonEngine

/// The table of contents lists the API reference on every page and marks where the reader is.
@Suite struct PageLayoutTests {
    static let layout: PageLayout = {
        var layout = PageLayout(chapters: [], pages: [])
        layout.referenceModules = [
            PageLayout.Link(file: "api/Brain.html", title: "Brain"),
            PageLayout.Link(file: "api/NeuralNet.html", title: "NeuralNet"),
        ]
        return layout
    }()

    /// The sidebar's links with their `aria-current`, in order: `href=…[current]`.
    func links(current: String) -> [String] {
        let sidebar = Self.layout.sidebar(current: current)
        return sidebar.matches(of: #/<a href="([^"]*)"( aria-current="([a-z]+)")?>/#).map {
            String($0.output.1) + ($0.output.3.map { "[\($0)]" } ?? "")
        }
    }

    @Test func aChapterListsTheReferenceUnmarkedAndWithoutItsModules() {
        #expect(
            links(current: "index.html")
                == ["index.html[page]", "formulas.html", "api/index.html"])
        #expect(
            links(current: "search.html") == ["index.html", "formulas.html", "api/index.html"])
    }

    @Test func theReferenceIndexIsTheCurrentPage() {
        #expect(
            links(current: "api/index.html") == [
                "index.html", "formulas.html", "api/index.html[page]", "api/Brain.html",
                "api/NeuralNet.html",
            ])
    }

    @Test func aReferencePageMarksTheReferenceAndItsModule() {
        #expect(
            links(current: "api/Brain.Izhikevich.html") == [
                "index.html", "formulas.html", "api/index.html[true]", "api/Brain.html[true]",
                "api/NeuralNet.html",
            ])
        #expect(
            links(current: "api/NeuralNet.html") == [
                "index.html", "formulas.html", "api/index.html[true]", "api/Brain.html",
                "api/NeuralNet.html[page]",
            ])
        #expect(
            links(current: "api/source/Brain/Izhikevich.swift.html") == [
                "index.html", "formulas.html", "api/index.html[true]", "api/Brain.html[true]",
                "api/NeuralNet.html",
            ])
        #expect(
            links(current: "api/NeuralNet.extension.Swift.Float.html") == [
                "index.html", "formulas.html", "api/index.html[true]", "api/Brain.html",
                "api/NeuralNet.html[true]",
            ])
    }

    @Test func aBookWithoutAReferenceHasNoEntry() {
        let layout = PageLayout(chapters: [], pages: [])
        #expect(!layout.sidebar(current: "index.html").contains("api/"))
    }
}
