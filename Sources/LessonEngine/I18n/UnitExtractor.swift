/// Finds a chapter's translation units and gives the message of any node that is one.
///
/// Code blocks, output blocks, raw HTML and paragraphs that are only math are not units;
/// nor is a unit with no letter outside its formulas and code spans (a cell holding `$x$`),
/// since there is nothing in it to translate.
struct UnitExtractor {
    let file: String
    let source: SourceText

    init(chapter: Chapter) {
        file = chapter.file
        source = SourceText(chapter.source)
    }

    /// Where a node stands: inside how many block quotes, and whether in a list item.
    struct Context: Sendable, Equatable {
        var quoteDepth = 0
        var inItem = false

        /// The kind a paragraph in this context has.
        var paragraphKind: TranslationUnit.Kind {
            inItem ? .listItem : quoteDepth > 0 ? .blockQuote : .paragraph
        }

        /// The context of a child of `node`.
        func entering(_ node: MarkdownNode) -> Context {
            var context = self
            switch node.kind {
            case .blockQuote: context.quoteDepth += 1
            case .item: context.inItem = true
            default: break
            }
            return context
        }
    }

    /// Every unit of the chapter, in source order.
    func units(of document: MarkdownDocument) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        collect(document.root, context: Context(), into: &units)
        return units
    }

    private func collect(
        _ node: MarkdownNode, context: Context, into units: inout [TranslationUnit]
    ) {
        switch node.kind {
        case .heading, .paragraph:
            if let text = message(of: node, context: context), let line = node.range?.start.line {
                let kind: TranslationUnit.Kind =
                    if case .heading = node.kind { .heading } else { context.paragraphKind }
                units.append(TranslationUnit(kind: kind, file: file, line: line, text: text))
            }
        case .table:
            for row in node.children {
                let cells = cellMessages(of: row)
                for (cell, text) in zip(row.children, cells) {
                    guard let text, let line = cell.range?.start.line ?? row.range?.start.line
                    else { continue }
                    units.append(
                        TranslationUnit(kind: .tableCell, file: file, line: line, text: text))
                }
            }
        case .document, .blockQuote, .list, .item:
            let inner = context.entering(node)
            for child in node.children { collect(child, context: inner, into: &units) }
        default:
            break
        }
    }

    /// The message of a heading or paragraph, or nil when it is not a unit.
    func message(of node: MarkdownNode, context: Context) -> String? {
        guard let range = node.range, Self.hasWords(node) else { return nil }
        switch node.kind {
        case .heading:
            return Self.headingText(line(range.start.line))
        case .paragraph:
            var parts: [String] = []
            for number in range.lines where number <= source.lineCount {
                var text = line(number)
                if number == range.start.line {
                    let start = source.content(ofLine: number).lowerBound + range.start.column - 1
                    text = source.text(start..<source.content(ofLine: number).upperBound)[...]
                } else {
                    text = Self.strippingContainers(text, quoteDepth: context.quoteDepth)
                }
                parts.append(String(text.trimmingWhitespace()))
            }
            let joined = parts.filter { !$0.isEmpty }.joined(separator: " ")
            return joined.isEmpty ? nil : joined
        default:
            return nil
        }
    }

    /// The messages of a table row's cells, one per cell (nil for a cell with no words).
    func cellMessages(of row: MarkdownNode) -> [String?] {
        guard let number = row.range?.start.line, number <= source.lineCount else {
            return row.children.map { _ in nil }
        }
        let texts = TableRowSplitter.cells(of: String(line(number)))
        return row.children.enumerated().map { index, cell in
            guard index < texts.count, Self.hasWords(cell), !texts[index].isEmpty else {
                return nil
            }
            return texts[index]
        }
    }

    private func line(_ number: Int) -> Substring {
        Substring(source.text(source.content(ofLine: number)))
    }

    /// An ATX heading's text: without its opening `#`s and any closing sequence.
    static func headingText(_ line: Substring) -> String {
        var text = line.drop { $0 == " " }.drop { $0 == "#" }.trimmingWhitespace()
        if let last = text.lastIndex(where: { $0 != "#" }), text.last == "#",
            text[last] == " " || text[last] == "\t"
        {
            text = text[...last].trimmingWhitespace()
        } else if text.allSatisfy({ $0 == "#" }) {
            text = ""
        }
        return String(text)
    }

    /// A continuation line without its indentation and up to `quoteDepth` quote markers.
    static func strippingContainers(_ line: Substring, quoteDepth: Int) -> Substring {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        var depth = quoteDepth
        while depth > 0, rest.first == ">" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            depth -= 1
        }
        return rest
    }

    /// True if the node has a letter outside its formulas, code spans and raw HTML.
    static func hasWords(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .text(let text): return text.contains { $0.isLetter }
        case .math, .code, .htmlInline, .htmlBlock, .codeBlock: return false
        default: return node.children.contains(where: hasWords)
        }
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
