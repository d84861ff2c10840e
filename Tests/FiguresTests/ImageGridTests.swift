import Testing

@testable import Figures

@Suite struct ImageGridTests {
    let pixels: [[Double]] = (0..<3).map { image in (0..<4).map { Double(($0 + image) % 2) } }

    /// The top of the highest image, read from the first pixel drawn.
    func firstPixelTop(_ svg: String) throws -> Double {
        let rect = try #require(svg.components(separatedBy: "<rect ").dropFirst().first)
        let value = try #require(rect.components(separatedBy: "y=\"").dropFirst().first)
        return try #require(Double(value.prefix { $0 != "\"" }))
    }

    @Test func aTitleWiderThanASmallGridWidensTheFigureOnOneLine() {
        let title = "Fast gradient sign attack on a test digit"
        let grid = ImageGrid(title: title, images: pixels, width: 2, height: 2)
        let svg = RenderedSVG(grid.svg)
        #expect(svg.texts(title).count == 1)
        #expect(svg.textsOutside.map(\.content) == [])
    }

    @Test func aTitleWiderThanAPlotWrapsAboveTheImages() throws {
        let title =
            "The CNN's eight first-layer filters (3 × 3, each scaled from its smallest "
            + "weight, black, to its largest, white)"
        let grid = ImageGrid(
            title: title, images: pixels, width: 2, height: 2, captions: ["a", "b", "c"])
        let svg = RenderedSVG(grid.svg)
        let lines = svg.texts.filter(\.bold)
        #expect(lines.count == 2)
        #expect(lines.map(\.content).joined(separator: " ") == title)
        #expect(svg.width <= Layout.standardWidth)
        #expect(svg.textsOutside.map(\.content) == [])
        let lowest = try #require(lines.map(\.box.bottom).max())
        #expect(try firstPixelTop(grid.svg) > lowest)
    }

    @Test func captionsWiderThanTheImagesWidenTheirColumns() {
        let captions = ["original", "perturbation (ε = 0.1)", "adversarial (predicted 3)"]
        let grid = ImageGrid(
            title: "A", images: pixels, width: 2, height: 2, captions: captions)
        let svg = RenderedSVG(grid.svg)
        let boxes = captions.map { svg.texts($0).first!.box }
        #expect(!overlap(boxes[0], boxes[1]) && !overlap(boxes[1], boxes[2]))
        #expect(svg.textsOutside.map(\.content) == [])
    }
}

extension ImageGridTests {
    /// Neighbouring pixels overlap, so no hairline of the page shows between them, and the
    /// image keeps its edge: its last column and row end where the tile ends.
    @Test func pixelsOverlapTheirNeighboursWithinTheImage() throws {
        let svg = ImageGrid(title: "t", images: [[0, 0.5, 1, 0.25]], width: 2, height: 2).svg
        let rects = svg.matches(
            of: #/<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/#
        ).map {
            (
                x: Double($0.output.1)!, y: Double($0.output.2)!, width: Double($0.output.3)!,
                height: Double($0.output.4)!
            )
        }
        #expect(rects.count == 4)
        let (topLeft, topRight, bottomLeft, bottomRight) = (rects[0], rects[1], rects[2], rects[3])
        #expect(topLeft.x + topLeft.width > topRight.x)
        #expect(topLeft.y + topLeft.height > bottomLeft.y)
        #expect(abs(topRight.x + topRight.width - (bottomRight.x + bottomRight.width)) < 1e-9)
        #expect(abs(bottomLeft.y + bottomLeft.height - (bottomRight.y + bottomRight.height)) < 1e-9)
        #expect(abs(bottomRight.width - (topRight.x - topLeft.x)) < 1e-9)
    }
}
