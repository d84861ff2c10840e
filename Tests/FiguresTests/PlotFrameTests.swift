import Testing

@testable import Figures

@Suite struct PlotFrameTests {
    func frame(
        legend names: [String], yTicks: Ticks = Ticks(lower: 0, upper: 1), title: String = "T"
    ) -> PlotFrame {
        PlotFrame(
            title: title, xLabel: "x", yLabel: "y", xTicks: Ticks(lower: 0, upper: 1),
            yTicks: yTicks, legendNames: names)
    }

    /// The frame drawn with its legend, read back.
    func rendered(_ frame: PlotFrame) -> RenderedSVG {
        var canvas = frame.canvas()
        frame.drawLegend(on: &canvas) { _, _, _, _ in }
        return RenderedSVG(canvas.document(altText: "test"))
    }

    func plotArea(_ frame: PlotFrame) -> (left: Double, top: Double, right: Double, bottom: Double)
    {
        (frame.plotLeft, frame.plotTop, frame.plotRight, frame.plotBottom)
    }

    @Test func aThirtyCharacterLegendEntryLiesInsideTheFigureAndOffThePlot() throws {
        let name = "abcdefghijklmnopqrstuvwxyz0123"
        var plot = LinePlot(title: "Legend", xLabel: "x", yLabel: "y")
        plot.add(name, x: [0, 1], y: [0, 1])
        plot.add("short", x: [0, 1], y: [1, 0])
        let svg = RenderedSVG(plot.svg)
        let entry = try #require(svg.texts(name).first)
        #expect(entry.box.left >= 0 && entry.box.right <= svg.width)
        #expect(entry.box.bottom <= svg.height)
        let frame = self.frame(legend: [name, "short"])
        #expect(!overlap(entry.box, plotArea(frame)))
    }

    @Test(arguments: [
        ["loss"], ["LIF, t_ref = 2 ms", "LIF, t_ref = 0"],
        ["softplus: 50·ln(1 + e^(I − 2))", "ReLU: 50·max(0, I − 2)", "LIF, t_ref = 0"],
        ["学习率 0.1 的训练损失", "学习率 0.01 的训练损失"],
        (1...16).map { "series \($0)" },
        [String(repeating: "a very long legend entry ", count: 6)],
    ])
    func legendEntriesNeitherLeaveTheFigureNorCoverThePlotNorEachOther(names: [String]) throws {
        let frame = self.frame(legend: names)
        let svg = rendered(frame)
        #expect(svg.textsOutside.map(\.content) == [])
        let entries = try names.map { try #require(svg.texts($0).first).box }
        for (index, entry) in entries.enumerated() {
            #expect(!overlap(entry, plotArea(frame)), "\(names[index])")
            for other in entries[..<index] { #expect(!overlap(entry, other)) }
        }
    }

    @Test func aShortLegendLeavesThePlotWiderThanALongOne() {
        let short = frame(legend: ["loss"])
        let long = frame(legend: ["abcdefghijklmno"])
        // The old frame ended every plot at 500 whatever its legend.
        #expect(short.plotRight > 550)
        #expect(long.plotRight < short.plotRight)
        #expect(short.width == Layout.standardWidth)
    }

    @Test func theLeftMarginFollowsTheWidestYTickLabel() throws {
        let narrow = frame(legend: [], yTicks: Ticks(lower: 0, upper: 8))
        let wide = frame(legend: [], yTicks: Ticks(lower: 0.00001, upper: 0.00004))
        // One-digit labels leave less than the old fixed 64; long ones push the plot right
        // rather than running into the y axis label.
        #expect(narrow.plotLeft < 50)
        #expect(wide.plotLeft > narrow.plotLeft)
        let svg = rendered(wide)
        let yLabel = try #require(svg.texts.first { $0.upright }).box
        for text in svg.texts where text.content.hasPrefix("0.0000") {
            #expect(text.box.left > yLabel.right, "\(text.content)")
        }
    }

    @Test func theFigureEndsCloseBelowTheXLabel() throws {
        let svg = rendered(frame(legend: ["loss"]))
        let xLabel = try #require(svg.texts("x").max { $0.y < $1.y })
        #expect(svg.height - xLabel.box.bottom <= 12)
        #expect(svg.height < 400)
    }

    @Test func aLongTitleWrapsAndPushesThePlotDown() {
        let title =
            "Per-example loss, sorted: members (training) and non-members (test), "
            + "on the held-out split"
        let frame = self.frame(legend: ["a"], title: title)
        let svg = rendered(frame)
        let lines = svg.texts.filter(\.bold)
        #expect(lines.count == 2)
        #expect(lines.map(\.content).joined(separator: " ") == title)
        #expect(svg.textsOutside.map(\.content) == [])
        #expect(lines.allSatisfy { $0.box.bottom < frame.plotTop - 5 })
    }
}
