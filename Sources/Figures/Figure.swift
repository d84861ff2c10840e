/// Something that can be drawn as an SVG picture, with a text alternative for readers who
/// cannot see it.
///
/// Every figure renders deterministically: the same data gives the same bytes, so a site built
/// twice is identical.
public protocol Figure {
    /// The picture, a complete `<svg>` element.
    var svg: String { get }
    /// A sentence or two saying what the picture shows (the `alt` text on the page).
    var altText: String { get }
}
