/// Small greyscale images side by side, each with an optional caption (digits, filters).
///
/// ```swift
/// show(ImageGrid(title: "Digits", images: pixels, width: 8, height: 8, captions: ["3", "7"]))
/// ```
public struct ImageGrid: Figure {
    public var title: String
    /// Each image's pixels, row by row; values are scaled so each image spans black to white.
    public var images: [[Double]]
    public var width: Int
    public var height: Int
    public var captions: [String]
    public var columns: Int

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

    public var svg: String {
        let tile = 64.0
        let gap = 14.0
        let perRow = min(columns, max(images.count, 1))
        let rows = (images.count + perRow - 1) / perRow
        let pixel = tile / Double(max(width, height))
        var canvas = SVGCanvas(
            width: 16 + Double(perRow) * (tile + gap),
            height: 40 + Double(max(rows, 1)) * (tile + gap + 14))
        canvas.text(title, x: canvas.width / 2, y: 22, anchor: "middle", size: 15, bold: true)
        for (index, image) in images.enumerated() {
            let originX = 16 + Double(index % perRow) * (tile + gap)
            let originY = 36 + Double(index / perRow) * (tile + gap + 14)
            let finite = image.filter(\.isFinite)
            let low = finite.min() ?? 0
            let span = max((finite.max() ?? 1) - low, 1e-12)
            for (offset, value) in image.prefix(width * height).enumerated() {
                canvas.rect(
                    x: originX + Double(offset % width) * pixel,
                    y: originY + Double(offset / width) * pixel, width: pixel, height: pixel,
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
