/// Fixed-point formatting of coordinates and labels: the same number always gives the same
/// text, whatever the platform's `description` of a `Double` would say.
enum SVGNumber {
    /// `value` with exactly `decimals` digits after the point (none when 0); `-0` prints as `0`.
    static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return String(Int64(clamping: Int64(value))) }
        let units = Int64(scaled)
        let negative = units < 0
        let magnitude = negative ? -units : units
        let divisor = Int64(scale)
        var text = String(magnitude / divisor)
        if decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    /// A coordinate: two decimals, trailing zeros dropped to keep the SVG small.
    static func coordinate(_ value: Double) -> String {
        var text = format(value, decimals: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
