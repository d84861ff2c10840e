/// Colours that read on light and dark pages alike and stay apart for colour-blind readers
/// (Okabe and Ito's palette, with its orange and sky blue darkened to reach the 3:1 contrast
/// graphics need on the light page), with a dash pattern per series as a second cue.
enum Palette {
    static let series = ["#0072b2", "#b77e00", "#009e73", "#cc79a7", "#d55e00", "#2f8fcf"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"]

    static func color(_ index: Int) -> String { series[index % series.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

    /// Viridis, sampled at nine evenly spaced stops: perceptually even and legible in grey.
    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The viridis colour for `fraction` in 0…1, as `#rrggbb`.
    static func viridis(_ fraction: Double) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let position = clamped * Double(viridis.count - 1)
        let lower = min(Int(position), viridis.count - 2)
        let mix = position - Double(lower)
        let (a, b) = (viridis[lower], viridis[lower + 1])
        return hex(
            a.0 + (b.0 - a.0) * mix, a.1 + (b.1 - a.1) * mix, a.2 + (b.2 - a.2) * mix)
    }

    /// A grey level for `fraction` in 0…1 (0 black, 1 white), as `#rrggbb`.
    static func grey(_ fraction: Double) -> String {
        let level = min(max(fraction.isFinite ? fraction : 0, 0), 1) * 255
        return hex(level, level, level)
    }

    private static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            let value = Int(component.rounded())
            text.append(digits[value / 16])
            text.append(digits[value % 16])
        }
        return text
    }
}
