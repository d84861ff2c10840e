/// A scatter plot of labelled points, coloured by class, with a legend of class names.
///
/// ```swift
/// show(ScatterPlot(title: "XOR", x: xs, y: ys, classes: labels, classNames: ["0", "1"]))
/// ```
public struct ScatterPlot: Figure {
    /// The title above the plot.
    public var title: String
    /// The label under the x axis.
    public var xLabel: String
    /// The label beside the y axis.
    public var yLabel: String
    /// The points' x coordinates.
    public var x: [Double]
    /// The points' y coordinates, one per x coordinate.
    public var y: [Double]
    /// The class of each point, from 0.
    public var classes: [Int]
    /// A name per class; missing names print as `class N`.
    public var classNames: [String]

    /// A scatter plot of the points `(x[i], y[i])`, point `i` coloured by `classes[i]`.
    public init(
        title: String, xLabel: String = "x", yLabel: String = "y", x: [Double], y: [Double],
        classes: [Int], classNames: [String] = []
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.classes = classes
        self.classNames = classNames
    }

    private var points: [(x: Double, y: Double, label: Int)] {
        zip(zip(x, y), classes).map { ($0.0, $0.1, max(0, $1)) }
            .filter { $0.x.isFinite && $0.y.isFinite }
    }

    private var names: [String] {
        let count = max(classNames.count, (points.map(\.label).max() ?? -1) + 1)
        return (0..<count).map { $0 < classNames.count ? classNames[$0] : "class \($0)" }
    }

    private var frame: PlotFrame {
        let points = self.points
        return PlotFrame(
            title: title, xLabel: xLabel, yLabel: yLabel,
            xTicks: Ticks(lower: points.map(\.x).min() ?? 0, upper: points.map(\.x).max() ?? 1),
            yTicks: Ticks(lower: points.map(\.y).min() ?? 0, upper: points.map(\.y).max() ?? 1),
            legendNames: names)
    }

    public var svg: String {
        let frame = self.frame
        var canvas = frame.canvas()
        for point in points {
            let (cx, cy) = frame.point(point.x, point.y)
            canvas.circle(x: cx, y: cy, radius: 4, fill: Palette.color(point.label))
        }
        frame.drawLegend(on: &canvas) { canvas, index, x, y in
            canvas.circle(x: x + 12, y: y, radius: 5, fill: Palette.color(index))
        }
        return canvas.document(altText: altText)
    }

    public var altText: String {
        let counts = names.indices.map { label in
            "\(points.filter { $0.label == label }.count) \(names[label])"
        }
        return "Scatter plot “\(title)” of \(points.count) points, \(xLabel) against "
            + "\(yLabel), by class: \(counts.joined(separator: ", "))."
    }
}
