/// The tick labels along one side of a heat map: which cells get one, and whether the labels
/// under the columns stand upright.
///
/// Every cell is labelled when the labels fit; otherwise every second, fifth, tenth… cell
/// (the round steps `Ticks` uses), counting from the first.
struct CellLabels {
    /// The height a horizontal label needs, line spacing included.
    static let lineHeight = 14.0
    /// Space between a label and the cell it names: 4 of tick mark, 3 of gap.
    static let offset = 7.0

    /// Labelled cells, with their labels.
    let entries: [(index: Int, text: String)]
    /// Whether the labels name columns (beneath the grid) rather than rows (left of it).
    let underColumns: Bool
    /// Whether the labels are turned to read upwards (only ever under columns).
    let upright: Bool
    /// The widest label among those shown.
    let widest: Double

    /// Row labels: one per row when rows are at least a line high.
    init(rows count: Int, names: [String], cell: Double) {
        let texts = Self.texts(count: count, names: names)
        self.init(
            texts, every: Self.spacing(needed: Self.lineHeight, cell: cell), underColumns: false,
            upright: false)
    }

    /// Column labels: side by side when they fit their columns; numbers are thinned out
    /// until they do, and names stand upright instead (thinned only if columns are thinner
    /// than a line).
    init(columns count: Int, names: [String], cell: Double) {
        let texts = Self.texts(count: count, names: names)
        let widest = TextMetrics.widest(texts, size: Layout.labelSize)
        let upright = widest + 4 > cell && !names.isEmpty
        let needed = upright ? Self.lineHeight : widest + 4
        self.init(
            texts, every: Self.spacing(needed: needed, cell: cell), underColumns: true,
            upright: upright)
    }

    private init(_ texts: [String], every step: Int, underColumns: Bool, upright: Bool) {
        entries = stride(from: 0, to: texts.count, by: step).map { ($0, texts[$0]) }
        self.underColumns = underColumns
        self.upright = upright
        widest = TextMetrics.widest(entries.map(\.text), size: Layout.labelSize)
    }

    /// How far the labels reach out from the grid, tick marks included.
    var depth: Double {
        guard !entries.isEmpty else { return 0 }
        return Self.offset + (underColumns && !upright ? Layout.labelSize + 2 : widest)
    }

    /// A label per cell: the given name, or the index from 0 where there is none.
    private static func texts(count: Int, names: [String]) -> [String] {
        (0..<count).map { $0 < names.count ? names[$0] : String($0) }
    }

    /// Every how many cells a label `needed` long fits in cells `cell` long.
    private static func spacing(needed: Double, cell: Double) -> Int {
        guard cell > 0, needed > cell else { return 1 }
        return Int(Ticks.step(atLeast: needed / cell))
    }
}
