import Foundation

/// Round tick values for an axis: steps of 1, 2 or 5 times a power of ten.
struct Ticks: Equatable {
    /// The axis range, widened to whole steps.
    var lower: Double
    var upper: Double
    var values: [Double]
    /// Decimals needed to print every tick exactly.
    var decimals: Int

    /// About `count` ticks spanning `lower…upper`.
    init(lower: Double, upper: Double, count: Int = 5) {
        var (low, high) = (lower, upper)
        if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
        if high - low < 1e-12 { (low, high) = (low - 1, high + 1) }
        let step = Self.step(atLeast: (high - low) / Double(max(count, 1)))
        let first = Foundation.floor(low / step + 1e-9)
        let last = Foundation.ceil(high / step - 1e-9)
        self.lower = first * step
        self.upper = last * step
        self.values = (0...Int(last - first)).map { (first + Double($0)) * step }
        self.decimals = max(0, -Int(Foundation.floor(Foundation.log10(step) + 1e-9)))
    }

    func label(_ value: Double) -> String { SVGNumber.format(value, decimals: decimals) }

    /// The smallest round step, 1, 2 or 5 times a power of ten, that is at least `rough`.
    static func step(atLeast rough: Double) -> Double {
        let power = Foundation.pow(10, Foundation.floor(Foundation.log10(rough)))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
    }
}
