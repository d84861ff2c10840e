/// Measures shared by every figure.
enum Layout {
    /// Clear space kept between any drawing and the figure's edge.
    static let margin = 8.0
    /// The width of plots, and the widest a small figure grows to fit its title on one line.
    static let standardWidth = 640.0
    /// Tick labels, legend entries and captions.
    static let labelSize = 12.0
    /// Axis titles.
    static let axisLabelSize = 13.0

    /// `size`, or smaller when `text` at `size` would be wider than `available` (never below
    /// 8 points: past that a label is better cut than unreadable).
    static func fittedSize(_ text: String, size: Double, available: Double) -> Double {
        let natural = TextMetrics.width(text, size: size)
        guard natural > available, natural > 0 else { return size }
        return max(8, (size * available / natural * 10).rounded(.down) / 10)
    }
}
