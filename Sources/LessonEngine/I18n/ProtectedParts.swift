/// The parts of a message a translation must keep exactly: its formulas, code spans, link
/// and image targets, `@eq:` references and raw HTML (such as the anchors of references). A translator may move them, not change them.
struct ProtectedParts: Equatable {
    var formulas: [String] = []
    var codeSpans: [String] = []
    var targets: [String] = []
    var references: [String] = []
    var html: [String] = []

    /// The parts of a message's Markdown; nil when it is not one paragraph's inline content.
    init?(markdown: String) {
        guard let inlines = InlineMarkdown.inlines(markdown) else { return nil }
        for node in inlines { collect(node) }
        formulas.sort()
        codeSpans.sort()
        targets.sort()
        references.sort()
        html.sort()
    }

    private mutating func collect(_ node: MarkdownNode) {
        switch node.kind {
        case .math(let tex, let display, _): formulas.append(display ? "$$\(tex)$$" : "$\(tex)$")
        case .code(let code): codeSpans.append(code)
        case .link(let destination, _), .image(let destination, _): targets.append(destination)
        case .text(let text):
            for case .reference(let label) in EquationReferences.pieces(of: text) {
                references.append("@" + label)
            }
        case .htmlInline(let tag): html.append(tag)
        default: break
        }
        for child in node.children { collect(child) }
    }

    /// What `translation` lost or changed, in words; empty when it kept everything.
    func differences(from translation: ProtectedParts) -> [String] {
        var problems: [String] = []
        func compare(_ name: String, _ ours: [String], _ theirs: [String], show: (String) -> String)
        {
            for part in Self.missing(ours, from: theirs) {
                problems.append("drops the \(name) \(show(part))")
            }
            for part in Self.missing(theirs, from: ours) {
                problems.append("adds the \(name) \(show(part))")
            }
        }
        compare("formula", formulas, translation.formulas) { $0 }
        compare("code span", codeSpans, translation.codeSpans) { "`\($0)`" }
        compare("link target", targets, translation.targets) { "(\($0))" }
        compare("reference", references, translation.references) { $0 }
        compare("HTML", html, translation.html) { "`\($0)`" }
        return problems
    }

    /// The elements of `parts` that `other` lacks, counting repeats.
    private static func missing(_ parts: [String], from other: [String]) -> [String] {
        var remaining = other
        var missing: [String] = []
        for part in parts {
            if let index = remaining.firstIndex(of: part) {
                remaining.remove(at: index)
            } else {
                missing.append(part)
            }
        }
        return missing
    }
}
