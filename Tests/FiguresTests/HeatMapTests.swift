import Testing

@testable import Figures

@Suite struct HeatMapTests {
    /// The row labels (right-aligned, left of the grid) and column labels (beneath it) drawn.
    func tickLabels(_ svg: RenderedSVG) -> (rows: [String], columns: [String]) {
        let grid = svg.texts.filter { !$0.bold && $0.size == Layout.labelSize }
        let rows = grid.filter { $0.anchor == "end" && !$0.upright }.map(\.content)
        let columns = grid.filter { $0.anchor == "middle" || $0.upright }.map(\.content)
        return (rows, columns)
    }

    @Test func rowsAndColumnsAreNumberedFromZeroByDefault() {
        let map = HeatMap(title: "W", values: [[0, 1, 2], [3, 4, 5]])
        let labels = tickLabels(RenderedSVG(map.svg))
        #expect(labels.rows == ["0", "1"])
        #expect(labels.columns == ["0", "1", "2"])
    }

    @Test func namesReplaceIndicesAndMissingNamesFallBackToThem() {
        let map = HeatMap(
            title: "W", values: [[0, 1], [2, 3], [4, 5]], rowLabels: ["top", "middle"],
            columnLabels: ["left", "right"])
        let labels = tickLabels(RenderedSVG(map.svg))
        #expect(labels.rows == ["top", "middle", "2"])
        #expect(labels.columns == ["left", "right"])
    }

    @Test func aLargeMatrixIsLabelledAtRoundSteps() {
        let values = (0..<64).map { row in (0..<64).map { Double(row * $0) } }
        let labels = tickLabels(RenderedSVG(HeatMap(title: "W", values: values).svg))
        let everyFifth = stride(from: 0, to: 64, by: 5).map(String.init)
        #expect(labels.rows == everyFifth)
        #expect(labels.columns == everyFifth)
    }

    @Test func longColumnNamesStandUprightInsideTheFigure() {
        let names = [
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
            "truck",
        ]
        let values = (0..<10).map { row in (0..<10).map { Double(row == $0 ? 50 : 1) } }
        let svg = RenderedSVG(
            HeatMap(
                title: "CIFAR-10 confusion", values: values, xLabel: "predicted", yLabel: "true",
                rowLabels: names, columnLabels: names
            ).svg)
        #expect(svg.texts.filter(\.upright).map(\.content).contains("automobile"))
        #expect(svg.textsOutside.map(\.content) == [])
        // No label runs into another, nor into the axis titles.
        let boxes = svg.texts.filter { !$0.bold }.map(\.box)
        for (index, box) in boxes.enumerated() {
            for other in boxes[..<index] { #expect(!overlap(box, other)) }
        }
    }
}
