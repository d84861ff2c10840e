/// Puts formulas back into a tree parsed from protected source.
///
/// A token in text becomes a `.math` node. A paragraph of display formulas and nothing else
/// (one, or several on consecutive lines) is replaced by those formulas, as blocks.
///
/// A formula over several lines left a token on each line: the first becomes the node, the
/// others go, with the line breaks before them. A token anywhere else (a link destination or
/// title, code, raw HTML, an autolink's text) was not math after all, and turns back into
/// the source it replaced.
struct MathRestorer {
    let placeholders: MathPlaceholders
    /// The formulas that became math nodes, by index.
    private(set) var restored: Set<Int> = []

    init(placeholders: MathPlaceholders) {
        self.placeholders = placeholders
    }

    /// The formulas that became math nodes, in source order.
    var restoredSpans: [MathSpan] {
        placeholders.spans.indices.filter(restored.contains).map { placeholders.spans[$0] }
    }

    /// The tree with its formulas restored.
    mutating func restore(_ document: MarkdownNode) -> MarkdownNode {
        var document = document
        document.children = restoreChildren(document.children, asSource: false)
        return document
    }

    /// The node with its formulas restored: one node, or for a paragraph of display
    /// formulas, the formulas. `asSource` turns tokens back into source text.
    private mutating func restore(_ node: MarkdownNode, asSource: Bool) -> [MarkdownNode] {
        var node = node
        var childrenAsSource = asSource
        switch node.kind {
        case .text(let literal) where asSource:
            node.kind = .text(source(literal))
        case .code(let literal):
            node.kind = .code(source(literal))
        case .htmlInline(let literal):
            node.kind = .htmlInline(source(literal))
        case .htmlBlock(let literal):
            node.kind = .htmlBlock(source(literal))
        case .codeBlock(let info, let literal, let fenced):
            node.kind = .codeBlock(info: source(info), literal: source(literal), fenced: fenced)
        case .link(let destination, let title):
            childrenAsSource = asSource || source(destination) != destination
            node.kind = .link(destination: source(destination), title: source(title))
        case .image(let destination, let title):
            childrenAsSource = asSource || source(destination) != destination
            node.kind = .image(destination: source(destination), title: source(title))
        default:
            break
        }
        node.children = restoreChildren(node.children, asSource: childrenAsSource)
        if case .paragraph = node.kind, let formulas = displayFormulas(only: node) {
            return formulas
        }
        return [node]
    }

    private mutating func restoreChildren(
        _ children: [MarkdownNode], asSource: Bool
    ) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        for child in children {
            guard case .text(let literal) = child.kind, !asSource else {
                result += restore(child, asSource: asSource)
                continue
            }
            let pieces = placeholders.pieces(of: literal)
            guard pieces != [.text(literal)] else {
                result.append(child)
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    result.append(MarkdownNode(.text(text)))
                case .math(let index) where restored.contains(index):
                    if let last = result.last?.kind, last == .softBreak || last == .lineBreak {
                        result.removeLast()
                    }
                case .math(let index):
                    restored.insert(index)
                    let span = placeholders.spans[index]
                    result.append(
                        MarkdownNode(
                            .math(tex: span.tex, display: span.display, label: span.label),
                            range: span.range))
                }
            }
        }
        return result
    }

    /// The paragraph's display formulas when it holds nothing else but line breaks and
    /// whitespace; nil otherwise.
    private func displayFormulas(only paragraph: MarkdownNode) -> [MarkdownNode]? {
        var formulas: [MarkdownNode] = []
        for child in paragraph.children {
            switch child.kind {
            case .math(_, true, _):
                formulas.append(child)
            case .softBreak, .lineBreak:
                continue
            case .text(let text) where text.allSatisfy(\.isWhitespace):
                continue
            default:
                return nil
            }
        }
        return formulas.isEmpty ? nil : formulas
    }

    private func source(_ string: String) -> String {
        placeholders.restoringSource(in: string)
    }
}
