/// Where a plot's legend goes: in a column right of the plot when its entries are short and
/// few enough, otherwise beneath the plot in as many columns as fit the figure. An entry is a
/// sample of the series' mark, 24 long, then its name.
struct PlotLegend {
    /// From an entry's sample to its name.
    static let textOffset = 30.0
    static let rowHeight = 22.0
    /// Between the plot and a legend beside it, and between columns beneath it.
    static let gap = 16.0
    /// The widest legend that stands beside the plot, gap included.
    static let widestBeside = 192.0

    let names: [String]
    /// The width of the widest entry, sample and name.
    let entryWidth: Double
    /// Whether the legend stands right of the plot rather than beneath it.
    let beside: Bool

    init(names: [String], plotHeight: Double) {
        self.names = names
        entryWidth = Self.textOffset + TextMetrics.widest(names, size: Layout.labelSize)
        beside =
            !names.isEmpty && Self.gap + entryWidth <= Self.widestBeside
            && Double(names.count) * Self.rowHeight <= plotHeight
    }

    /// The room the legend takes right of the plot.
    var widthBeside: Double { beside ? Self.gap + entryWidth : 0 }

    /// Where each entry's sample starts (at the middle of its row), beside a plot whose
    /// right edge and top are given.
    func originsBeside(plotRight: Double, plotTop: Double) -> [(x: Double, y: Double)] {
        names.indices.map { (plotRight + Self.gap, plotTop + 10 + Double($0) * Self.rowHeight) }
    }

    /// Where each entry's sample starts beneath the plot, in rows from `top` centred in a
    /// figure `figureWidth` wide, and the height the rows take.
    func originsBeneath(top: Double, figureWidth: Double) -> (
        origins: [(x: Double, y: Double)], height: Double
    ) {
        guard !names.isEmpty else { return ([], 0) }
        let pitch = entryWidth + Self.gap
        let fitting = Int((figureWidth - 2 * Layout.margin + Self.gap) / pitch)
        let columns = max(1, min(names.count, fitting))
        let rows = (names.count + columns - 1) / columns
        let start = (figureWidth - (Double(columns) * pitch - Self.gap)) / 2
        let origins = names.indices.map { index in
            (
                x: start + Double(index % columns) * pitch,
                y: top + (Double(index / columns) + 0.5) * Self.rowHeight
            )
        }
        return (origins, Double(rows) * Self.rowHeight)
    }
}
