/// A line plot of one or more series against a shared x axis, with a legend.
///
/// ```swift
/// var plot = LinePlot(title: "Activations", xLabel: "x", yLabel: "f(x)")
/// plot.add("sigmoid", x: xs, y: ys)
/// show(plot)
/// ```
public struct LinePlot: Figure {
    /// One named line: `y[i]` plotted at `x[i]`.
    public struct Series: Sendable, Equatable {
        /// The name the legend shows.
        public var name: String
        /// The x coordinates, one per point.
        public var x: [Double]
        /// The y coordinates, one per point; only as many points as both have are drawn.
        public var y: [Double]
    }

    /// The title above the plot.
    public var title: String
    /// The label under the x axis.
    public var xLabel: String
    /// The label beside the y axis.
    public var yLabel: String
    /// The lines, in the order they were added (and drawn, and listed in the legend).
    public private(set) var series: [Series] = []

    /// An empty plot; add lines with `add(_:x:y:)`.
    public init(title: String, xLabel: String = "x", yLabel: String = "y") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a series; points past the shorter of `x` and `y`, and non-finite ones, are left out.
    public mutating func add(_ name: String, x: [Double], y: [Double]) {
        series.append(Series(name: name, x: x, y: y))
    }

    private var finitePoints: [[(Double, Double)]] {
        series.map { line in zip(line.x, line.y).filter { $0.0.isFinite && $0.1.isFinite } }
    }

    private var frame: PlotFrame {
        let points = finitePoints.flatMap { $0 }
        return PlotFrame(
            title: title, xLabel: xLabel, yLabel: yLabel,
            xTicks: Ticks(
                lower: points.map(\.0).min() ?? 0, upper: points.map(\.0).max() ?? 1),
            yTicks: Ticks(
                lower: points.map(\.1).min() ?? 0, upper: points.map(\.1).max() ?? 1),
            legendNames: series.map(\.name))
    }

    public var svg: String {
        let frame = self.frame
        var canvas = frame.canvas()
        for (index, points) in finitePoints.enumerated() {
            canvas.polyline(
                points.map { frame.point($0.0, $0.1) }, stroke: Palette.color(index),
                dash: Palette.dash(index))
        }
        frame.drawLegend(on: &canvas) { canvas, index, x, y in
            canvas.polyline(
                [(x, y), (x + 24, y)], stroke: Palette.color(index), dash: Palette.dash(index))
        }
        return canvas.document(altText: altText)
    }

    public var altText: String {
        let frame = self.frame
        let names = series.map(\.name).joined(separator: ", ")
        return "Line plot “\(title)”: \(series.count) series (\(names)); "
            + "\(xLabel) from \(frame.xTicks.label(frame.xTicks.lower)) to "
            + "\(frame.xTicks.label(frame.xTicks.upper)), \(yLabel) from "
            + "\(frame.yTicks.label(frame.yTicks.lower)) to "
            + "\(frame.yTicks.label(frame.yTicks.upper))."
    }
}
