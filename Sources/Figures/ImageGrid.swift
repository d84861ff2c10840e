/// Small greyscale images side by side, each with an optional caption (digits, filters).
///
/// The title is never cut: a title wider than the grid widens the figure, up to the width of
/// a plot, and a longer one wraps at spaces onto further lines. Columns widen to fit their
/// captions.
///
/// ```swift
/// show(ImageGrid(title: "Digits", images: pixels, width: 8, height: 8, captions: ["3", "7"]))
/// ```
public struct ImageGrid: Figure {
    /// The title above the grid.
    public var title: String
    /// Each image's pixels, row by row; values are scaled so each image spans black to white.
    public var images: [[Double]]
    /// Each image's width in pixels (at least 1).
    public var width: Int
    /// Each image's height in pixels (at least 1).
    public var height: Int
    /// A caption under each image, in order; images past the last caption have none.
    public var captions: [String]
    /// The number of images per row.
    public var columns: Int

    /// A grid of `images`, each `width × height` pixels row by row, `columns` to a row.
    public init(
        title: String, images: [[Double]], width: Int, height: Int, captions: [String] = [],
        columns: Int = 8
    ) {
        self.title = title
        self.images = images
        self.width = max(width, 1)
        self.height = max(height, 1)
        self.captions = captions
        self.columns = max(columns, 1)
    }

    /// The side of each image.
    private static let tile = 64.0
    /// Between columns, and between rows.
    private static let gap = 14.0
    /// A caption's line under its image.
    private static let captionHeight = 17.0

    public var svg: String {
        let (tile, gap, margin) = (Self.tile, Self.gap, Layout.margin)
        let perRow = min(columns, max(images.count, 1))
        let rows = max((images.count + perRow - 1) / perRow, 1)
        let pixel = tile / Double(max(width, height))
        // A column is as wide as its image or the widest caption; the grid is centred in a
        // figure widened, up to the standard width, for a long title, which wraps beyond it.
        let column = max(tile, TextMetrics.widest(captions, size: Layout.labelSize))
        let gridWidth = Double(perRow) * (column + gap) - gap
        let figureWidth = max(
            gridWidth + 2 * margin, min(FigureTitle.naturalWidth(title), Layout.standardWidth))
        let heading = FigureTitle(title, figureWidth: figureWidth)
        let left = (figureWidth - gridWidth) / 2 + (column - tile) / 2
        let top = heading.bottom + 9
        let rowPitch = tile + (captions.isEmpty ? 0 : Self.captionHeight) + gap
        var canvas = SVGCanvas(
            width: figureWidth, height: top + Double(rows) * rowPitch - gap + margin)
        heading.draw(on: &canvas)
        for (index, image) in images.enumerated() {
            let originX = left + Double(index % perRow) * (column + gap)
            let originY = top + Double(index / perRow) * rowPitch
            let finite = image.filter(\.isFinite)
            let low = finite.min() ?? 0
            let span = max((finite.max() ?? 1) - low, 1e-12)
            // Each pixel reaches a little under its right and lower neighbours, which are drawn
            // after it: edge to edge, anti-aliasing would let the page show through as a
            // hairline seam between them. The last column and row keep the image's edge.
            let overlap = min(0.5, pixel / 4)
            for (offset, value) in image.prefix(width * height).enumerated() {
                let (column, row) = (offset % width, offset / width)
                canvas.rect(
                    x: originX + Double(column) * pixel, y: originY + Double(row) * pixel,
                    width: pixel + (column + 1 < width ? overlap : 0),
                    height: pixel + (row + 1 < height ? overlap : 0),
                    fill: Palette.grey((value - low) / span))
            }
            if index < captions.count {
                canvas.text(
                    captions[index], x: originX + tile / 2, y: originY + tile + 14,
                    anchor: "middle")
            }
        }
        return canvas.document(altText: altText)
    }

    public var altText: String {
        let named = captions.isEmpty ? "" : ", captioned " + captions.joined(separator: ", ")
        return "Image grid “\(title)”: \(images.count) greyscale images of "
            + "\(width) × \(height) pixels\(named)."
    }
}
