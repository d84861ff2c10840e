/// A heat map of a matrix of values in the viridis colour map, with a colour bar.
///
/// ```swift
/// show(HeatMap(title: "Weights", values: [[0.1, -0.3], [0.7, 0.2]]))
/// ```
public struct HeatMap: Figure {
    public var title: String
    /// Rows of values, top row first; rows shorter than the longest are padded blank.
    public var values: [[Double]]
    public var xLabel: String
    public var yLabel: String

    public init(
        title: String, values: [[Double]], xLabel: String = "column", yLabel: String = "row"
    ) {
        self.title = title
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    private var range: (Double, Double) {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 1)
    }

    public var svg: String {
        let rows = values.count
        let columns = values.map(\.count).max() ?? 0
        var canvas = SVGCanvas(width: 560, height: 400)
        canvas.text(title, x: 280, y: 22, anchor: "middle", size: 15, bold: true)
        let (left, top, size) = (56.0, 40.0, 320.0)
        let cell = size / Double(max(rows, columns, 1))
        let ticks = Ticks(lower: range.0, upper: range.1)
        let span = ticks.upper - ticks.lower
        for (row, line) in values.enumerated() {
            for (column, value) in line.enumerated() where value.isFinite {
                canvas.rect(
                    x: left + Double(column) * cell, y: top + Double(row) * cell, width: cell,
                    height: cell, fill: Palette.viridis((value - ticks.lower) / span))
            }
        }
        canvas.text(
            xLabel, x: left + Double(columns) * cell / 2, y: top + size + 30, anchor: "middle")
        canvas.text(
            yLabel, x: left - 16, y: top + Double(rows) * cell / 2, anchor: "middle",
            rotate: -90)
        // The colour bar: twenty bands from the lowest tick (bottom) to the highest (top).
        let (barLeft, barWidth, bands) = (left + size + 40, 18.0, 20)
        for band in 0..<bands {
            let fraction = (Double(band) + 0.5) / Double(bands)
            let y = top + size - Double(band + 1) * size / Double(bands)
            canvas.rect(
                x: barLeft, y: y, width: barWidth, height: size / Double(bands),
                fill: Palette.viridis(fraction))
        }
        for value in ticks.values {
            let y = top + size - (value - ticks.lower) / span * size
            canvas.line(from: (barLeft + barWidth, y), to: (barLeft + barWidth + 5, y))
            canvas.text(ticks.label(value), x: barLeft + barWidth + 8, y: y + 4)
        }
        return canvas.document(altText: altText)
    }

    public var altText: String {
        let columns = values.map(\.count).max() ?? 0
        let ticks = Ticks(lower: range.0, upper: range.1)
        return "Heat map “\(title)” of \(values.count) × \(columns) values from "
            + "\(ticks.label(range.0)) (dark purple) to \(ticks.label(range.1)) (yellow)."
    }
}
