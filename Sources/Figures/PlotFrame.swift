/// The frame shared by line and scatter plots: title, axes with ticks and grid lines, axis
/// labels, and a legend.
///
/// The margins are sized from the text they hold: the left one from the widest y tick label,
/// the right one from the legend's longest entry (see `PlotLegend`), the top from the title's
/// lines. The figure is `Layout.standardWidth` wide, and wider only if a single legend entry
/// needs more.
struct PlotFrame {
    /// The height of the plotting area.
    static let plotHeight = 300.0
    /// Below the plot: the x tick labels' baseline, and the x label's.
    static let tickLabelBaseline = 19.0
    static let xLabelBaseline = 39.0

    var title: String
    var xLabel: String
    var yLabel: String
    var xTicks: Ticks
    var yTicks: Ticks
    let legend: PlotLegend

    let width: Double
    let height: Double
    let plotLeft: Double
    let plotTop: Double
    let plotRight: Double
    let plotBottom: Double
    private let heading: FigureTitle
    private let legendOrigins: [(x: Double, y: Double)]

    init(
        title: String, xLabel: String, yLabel: String, xTicks: Ticks, yTicks: Ticks,
        legendNames: [String]
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xTicks = xTicks
        self.yTicks = yTicks
        let legend = PlotLegend(names: legendNames, plotHeight: Self.plotHeight)
        self.legend = legend
        let (margin, labelSize) = (Layout.margin, Layout.labelSize)

        // Left to right: the rotated y label, the widest y tick label and the tick, the plot,
        // and the legend if it stands beside; the end x tick labels are centred on the ends.
        let yTickWidth = TextMetrics.widest(yTicks.values.map(yTicks.label), size: labelSize)
        let yLabelBand = yLabel.isEmpty ? 0 : Layout.axisLabelSize + 6
        let xTickHalves = [xTicks.lower, xTicks.upper].map {
            TextMetrics.width(xTicks.label($0), size: labelSize) / 2
        }
        width = max(Layout.standardWidth, legend.entryWidth + 2 * margin)
        plotLeft = max(margin + yLabelBand + yTickWidth + 8, margin + xTickHalves[0])
        plotRight = width - margin - max(legend.widthBeside, xTickHalves[1], 8)

        // Top to bottom: the title, the plot, tick labels, x label, and the legend beneath
        // unless it stands beside.
        heading = FigureTitle(title, figureWidth: width)
        plotTop = heading.bottom + 13
        plotBottom = plotTop + Self.plotHeight
        let axesBottom =
            plotBottom + (xLabel.isEmpty ? Self.tickLabelBaseline : Self.xLabelBaseline) + 4
        if legend.beside {
            legendOrigins = legend.originsBeside(plotRight: plotRight, plotTop: plotTop)
            height = axesBottom + margin
        } else {
            let beneath = legend.originsBeneath(top: axesBottom + 6, figureWidth: width)
            legendOrigins = beneath.origins
            height = axesBottom + (beneath.height > 0 ? 6 + beneath.height : 0) + margin
        }
    }

    /// Maps a data point to canvas coordinates.
    func point(_ x: Double, _ y: Double) -> (Double, Double) {
        let fractionX = (x - xTicks.lower) / (xTicks.upper - xTicks.lower)
        let fractionY = (y - yTicks.lower) / (yTicks.upper - yTicks.lower)
        return (
            plotLeft + fractionX * (plotRight - plotLeft),
            plotBottom - fractionY * (plotBottom - plotTop)
        )
    }

    /// A canvas with the title, grid, axes and labels drawn.
    func canvas() -> SVGCanvas {
        var canvas = SVGCanvas(width: width, height: height)
        heading.draw(on: &canvas)
        for value in xTicks.values {
            let (x, _) = point(value, yTicks.lower)
            canvas.line(from: (x, plotTop), to: (x, plotBottom), opacity: 0.12)
            canvas.line(from: (x, plotBottom), to: (x, plotBottom + 5))
            canvas.text(
                xTicks.label(value), x: x, y: plotBottom + Self.tickLabelBaseline,
                anchor: "middle")
        }
        for value in yTicks.values {
            let (_, y) = point(xTicks.lower, value)
            canvas.line(from: (plotLeft, y), to: (plotRight, y), opacity: 0.12)
            canvas.line(from: (plotLeft - 5, y), to: (plotLeft, y))
            canvas.text(yTicks.label(value), x: plotLeft - 8, y: y + 4, anchor: "end")
        }
        canvas.line(from: (plotLeft, plotBottom), to: (plotRight, plotBottom))
        canvas.line(from: (plotLeft, plotTop), to: (plotLeft, plotBottom))
        if !xLabel.isEmpty {
            let available = width - 2 * Layout.margin
            let size = Layout.fittedSize(xLabel, size: Layout.axisLabelSize, available: available)
            let half = TextMetrics.width(xLabel, size: size) / 2
            let middle = min(
                max((plotLeft + plotRight) / 2, Layout.margin + half),
                width - Layout.margin - half)
            canvas.text(
                xLabel, x: middle, y: plotBottom + Self.xLabelBaseline, anchor: "middle",
                size: size)
        }
        if !yLabel.isEmpty {
            let available = Self.plotHeight + 20
            let size = Layout.fittedSize(yLabel, size: Layout.axisLabelSize, available: available)
            let middle = (plotTop + plotBottom) / 2
            canvas.text(
                yLabel, x: Layout.margin + 10, y: middle, anchor: "middle", size: size,
                rotate: -90)
        }
        return canvas
    }

    /// Draws the legend's entries; `marker` draws an entry's sample, 24 long, from the point
    /// it is given (the middle of the entry's row).
    func drawLegend(
        on canvas: inout SVGCanvas, marker: (inout SVGCanvas, Int, Double, Double) -> Void
    ) {
        for (index, name) in legend.names.enumerated() {
            let (x, y) = legendOrigins[index]
            marker(&canvas, index, x, y)
            canvas.text(name, x: x + PlotLegend.textOffset, y: y + 4)
        }
    }
}
