/// A display formula (`$$ … $$`) and the block that verifies it.
public struct Formula: Sendable, Equatable {
    public var tex: String
    /// The label written after the closing `$$` as `{#label}`, if any.
    public var label: String?
    public var line: Int
    public var section: String?
    /// The Swift block that verifies it: the one naming its label, else the first after it
    /// in the same section. Nil when none does.
    public var verifiedBy: Int?
}
