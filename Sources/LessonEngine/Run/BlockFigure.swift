/// A figure a block showed (with `show(_:)` from the `Figures` library): its SVG and text
/// alternative, as the chapter program wrote them.
public struct BlockFigure: Sendable, Equatable, Codable {
    /// A complete `<svg>` element.
    public var svg: String
    /// What the figure shows, for readers who cannot see it.
    public var altText: String
    /// Where `lessons run` kept a copy, relative to the book's root; nil when not kept.
    public var savedAs: String?
}
