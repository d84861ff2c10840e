/// The frame shared by line and scatter plots: title, axes with ticks and grid lines, axis
/// labels, and a legend on the right.
struct PlotFrame {
    static let width = 640.0
    static let height = 400.0
    static let plotLeft = 64.0
    static let plotTop = 40.0
    static let plotRight = 500.0
    static let plotBottom = 340.0

    var title: String
    var xLabel: String
    var yLabel: String
    var xTicks: Ticks
    var yTicks: Ticks

    /// Maps a data point to canvas coordinates.
    func point(_ x: Double, _ y: Double) -> (Double, Double) {
        let fractionX = (x - xTicks.lower) / (xTicks.upper - xTicks.lower)
        let fractionY = (y - yTicks.lower) / (yTicks.upper - yTicks.lower)
        return (
            Self.plotLeft + fractionX * (Self.plotRight - Self.plotLeft),
            Self.plotBottom - fractionY * (Self.plotBottom - Self.plotTop)
        )
    }

    /// A canvas with the title, grid, axes and labels drawn.
    func canvas() -> SVGCanvas {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        canvas.text(title, x: Self.width / 2, y: 22, anchor: "middle", size: 15, bold: true)
        for value in xTicks.values {
            let (x, _) = point(value, yTicks.lower)
            canvas.line(from: (x, Self.plotTop), to: (x, Self.plotBottom), opacity: 0.12)
            canvas.line(from: (x, Self.plotBottom), to: (x, Self.plotBottom + 5))
            canvas.text(xTicks.label(value), x: x, y: Self.plotBottom + 19, anchor: "middle")
        }
        for value in yTicks.values {
            let (_, y) = point(xTicks.lower, value)
            canvas.line(from: (Self.plotLeft, y), to: (Self.plotRight, y), opacity: 0.12)
            canvas.line(from: (Self.plotLeft - 5, y), to: (Self.plotLeft, y))
            canvas.text(yTicks.label(value), x: Self.plotLeft - 8, y: y + 4, anchor: "end")
        }
        canvas.line(from: (Self.plotLeft, Self.plotBottom), to: (Self.plotRight, Self.plotBottom))
        canvas.line(from: (Self.plotLeft, Self.plotTop), to: (Self.plotLeft, Self.plotBottom))
        let middleX = (Self.plotLeft + Self.plotRight) / 2
        canvas.text(xLabel, x: middleX, y: Self.height - 24, anchor: "middle", size: 13)
        let middleY = (Self.plotTop + Self.plotBottom) / 2
        canvas.text(yLabel, x: 18, y: middleY, anchor: "middle", size: 13, rotate: -90)
        return canvas
    }

    /// Draws legend entries right of the plot; `marker` draws an entry's sample.
    static func legend(
        _ names: [String], on canvas: inout SVGCanvas,
        marker: (inout SVGCanvas, Int, Double, Double) -> Void
    ) {
        for (index, name) in names.enumerated() {
            let y = plotTop + 10 + Double(index) * 22
            marker(&canvas, index, plotRight + 16, y)
            canvas.text(name, x: plotRight + 46, y: y + 4)
        }
    }
}
