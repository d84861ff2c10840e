/// A heat map of a matrix of values in the viridis colour map, with a colour bar.
///
/// Rows and columns carry tick labels: their indices from 0 unless `rowLabels` or
/// `columnLabels` name them. When the cells are too small for every label, every second,
/// fifth or tenth… cell is labelled; column names wider than their columns stand upright.
///
/// ```swift
/// show(HeatMap(title: "Weights", values: [[0.1, -0.3], [0.7, 0.2]]))
/// show(HeatMap(title: "Confusion", values: counts, rowLabels: names, columnLabels: names))
/// ```
public struct HeatMap: Figure {
    /// The title above the map.
    public var title: String
    /// Rows of values, top row first; rows shorter than the longest are padded blank.
    public var values: [[Double]]
    /// The label under the columns' axis.
    public var xLabel: String
    /// The label beside the rows' axis.
    public var yLabel: String
    /// A label per row, top first; rows without one are labelled with their index from 0.
    public var rowLabels: [String]
    /// A label per column, left first; columns without one are labelled with their index.
    public var columnLabels: [String]

    /// A heat map of `values` (rows top first), its axes labelled `xLabel` and `yLabel`,
    /// its rows and columns named by `rowLabels` and `columnLabels` where given.
    public init(
        title: String, values: [[Double]], xLabel: String = "column", yLabel: String = "row",
        rowLabels: [String] = [], columnLabels: [String] = []
    ) {
        self.title = title
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
    }

    /// The side of the square the longer side of the matrix fills.
    private static let gridSize = 320.0
    private static let barWidth = 18.0
    /// The colour bar is as tall as the grid, and at least this tall.
    private static let shortestBar = 160.0

    private var range: (Double, Double) {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 1)
    }

    public var svg: String {
        let rows = values.count
        let columns = values.map(\.count).max() ?? 0
        let margin = Layout.margin
        let cell = Self.gridSize / Double(max(rows, columns, 1))
        let (gridWidth, gridHeight) = (Double(columns) * cell, Double(rows) * cell)
        let rowTicks = CellLabels(rows: rows, names: rowLabels, cell: cell)
        let columnTicks = CellLabels(columns: columns, names: columnLabels, cell: cell)
        let ticks = Ticks(lower: range.0, upper: range.1)
        let barLabelWidth = TextMetrics.widest(ticks.values.map(ticks.label), size: 12)

        // Left to right: y label, row labels, grid, colour bar and its labels; the whole is
        // centred in a figure widened, up to the standard width, for a long title.
        let yBand = yLabel.isEmpty ? 0 : Layout.axisLabelSize + 6
        let contentWidth =
            margin + yBand + rowTicks.depth + gridWidth + 24 + Self.barWidth + 8
            + barLabelWidth + margin
        let width = max(
            contentWidth, min(FigureTitle.naturalWidth(title), Layout.standardWidth))
        let shift = (width - contentWidth) / 2
        let left = shift + margin + yBand + rowTicks.depth
        let heading = FigureTitle(title, figureWidth: width)
        let top = heading.bottom + 11
        let barHeight = max(gridHeight, Self.shortestBar)
        let xLabelBaseline = top + gridHeight + columnTicks.depth + 16
        let bottom = max(
            xLabel.isEmpty ? top + gridHeight + columnTicks.depth : xLabelBaseline + 4,
            top + barHeight + 5)

        var canvas = SVGCanvas(width: width, height: bottom + margin)
        heading.draw(on: &canvas)
        for (row, line) in values.enumerated() {
            for (column, value) in line.enumerated() where value.isFinite {
                canvas.rect(
                    x: left + Double(column) * cell, y: top + Double(row) * cell, width: cell,
                    height: cell,
                    fill: Palette.viridis((value - ticks.lower) / (ticks.upper - ticks.lower)))
            }
        }
        for (row, text) in rowTicks.entries {
            let y = top + (Double(row) + 0.5) * cell
            canvas.line(from: (left - 4, y), to: (left, y))
            canvas.text(text, x: left - CellLabels.offset, y: y + 4, anchor: "end")
        }
        let gridBottom = top + gridHeight
        for (column, text) in columnTicks.entries {
            let x = left + (Double(column) + 0.5) * cell
            canvas.line(from: (x, gridBottom), to: (x, gridBottom + 4))
            if columnTicks.upright {
                canvas.text(
                    text, x: x + 4, y: gridBottom + CellLabels.offset, anchor: "end",
                    rotate: -90)
            } else {
                canvas.text(text, x: x, y: gridBottom + 16, anchor: "middle")
            }
        }
        if !xLabel.isEmpty {
            let size = Layout.fittedSize(
                xLabel, size: Layout.axisLabelSize, available: width - 2 * margin)
            let half = TextMetrics.width(xLabel, size: size) / 2
            let middle = min(max(left + gridWidth / 2, margin + half), width - margin - half)
            canvas.text(xLabel, x: middle, y: xLabelBaseline, anchor: "middle", size: size)
        }
        if !yLabel.isEmpty {
            // Centred on the grid, between the title and the figure's foot.
            let middle = top + gridHeight / 2
            let available = 2 * min(middle - heading.bottom, bottom - middle)
            let size = Layout.fittedSize(
                yLabel, size: Layout.axisLabelSize, available: available)
            canvas.text(
                yLabel, x: shift + margin + 10, y: middle, anchor: "middle", size: size,
                rotate: -90)
        }
        drawColourBar(
            on: &canvas, left: left + gridWidth + 24, top: top, height: barHeight, ticks: ticks)
        return canvas.document(altText: altText)
    }

    /// The colour bar: twenty bands from the lowest tick (bottom) to the highest (top).
    private func drawColourBar(
        on canvas: inout SVGCanvas, left: Double, top: Double, height: Double, ticks: Ticks
    ) {
        let bands = 20
        for band in 0..<bands {
            let fraction = (Double(band) + 0.5) / Double(bands)
            let y = top + height - Double(band + 1) * height / Double(bands)
            canvas.rect(
                x: left, y: y, width: Self.barWidth, height: height / Double(bands),
                fill: Palette.viridis(fraction))
        }
        let right = left + Self.barWidth
        for value in ticks.values {
            let y = top + height - (value - ticks.lower) / (ticks.upper - ticks.lower) * height
            canvas.line(from: (right, y), to: (right + 5, y))
            canvas.text(ticks.label(value), x: right + 8, y: y + 4)
        }
    }

    public var altText: String {
        let columns = values.map(\.count).max() ?? 0
        let ticks = Ticks(lower: range.0, upper: range.1)
        return "Heat map “\(title)” of \(values.count) × \(columns) values from "
            + "\(ticks.label(range.0)) (dark purple) to \(ticks.label(range.1)) (yellow)."
    }
}
