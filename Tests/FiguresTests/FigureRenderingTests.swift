import Testing

@testable import Figures

@Suite struct FigureRenderingTests {
    func linePlot() -> LinePlot {
        var plot = LinePlot(title: "Squares & cubes", xLabel: "x", yLabel: "value")
        let xs = (0...10).map { Double($0) / 5 - 1 }
        plot.add("x²", x: xs, y: xs.map { $0 * $0 })
        plot.add("x³", x: xs, y: xs.map { $0 * $0 * $0 })
        return plot
    }

    @Test func aLinePlotHasOnePolylinePerSeriesPlusLegendAndEscapedText() {
        let svg = linePlot().svg
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // Each series draws its line and a legend sample.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.contains(">Squares &amp; cubes</text>"))
        #expect(svg.contains(">x²</text>") && svg.contains(">x³</text>"))
        #expect(svg.contains("role=\"img\""))
    }

    @Test func renderingIsDeterministic() {
        #expect(linePlot().svg == linePlot().svg)
    }

    @Test func theAltTextNamesTheSeriesAndRanges() {
        #expect(
            linePlot().altText
                == "Line plot “Squares & cubes”: 2 series (x², x³); x from -1.0 to 1.0, "
                + "value from -1.0 to 1.0.")
    }

    @Test func scatterPointsAreColouredByClass() {
        let plot = ScatterPlot(
            title: "Two classes", x: [0, 1, 2], y: [0, 1, 0], classes: [0, 1, 1],
            classNames: ["no", "yes"])
        let svg = plot.svg
        #expect(svg.components(separatedBy: "fill=\"\(Palette.color(1))\"").count - 1 == 3)
        #expect(plot.altText.hasSuffix("by class: 1 no, 2 yes."))
    }

    @Test func aHeatMapDrawsEveryCellAndAColourBar() {
        let map = HeatMap(title: "W", values: [[0, 1], [2, 3]])
        let svg = map.svg
        // Four cells and twenty colour-bar bands.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 24)
        #expect(svg.contains(Palette.viridis(0)) && svg.contains(Palette.viridis(1)))
        #expect(Palette.viridis(0) == "#440154" && Palette.viridis(1) == "#fde725")
    }

    @Test func anImageGridDrawsEveryPixel() {
        let grid = ImageGrid(
            title: "Tiles", images: [[0, 1, 1, 0], [1, 0, 0, 1]], width: 2, height: 2,
            captions: ["a", "b"])
        #expect(grid.svg.components(separatedBy: "<rect").count - 1 == 8)
        #expect(grid.svg.contains("fill=\"#ffffff\"") && grid.svg.contains("fill=\"#000000\""))
        #expect(
            grid.altText
                == "Image grid “Tiles”: 2 greyscale images of 2 × 2 pixels, captioned a, b.")
    }
}
