/// Reads a chapter's Markdown into a `Chapter`: its title, numbered sections, Swift blocks
/// with their expected outputs, and display formulas paired with the blocks that verify them.
struct ChapterParser {
    var file: String
    var source: String

    /// Parses the chapter; throws the first problem, with its file and line.
    func parse() throws(LessonError) -> Chapter {
        let document: MarkdownDocument
        do throws(MarkdownError) {
            document = try MarkdownDocument.parse(source)
        } catch {
            guard case .unterminatedDisplayMath(let position) = error else { fatalError() }
            throw LessonError.source(file: file, line: position.line, message: error.message)
        }
        guard source.contains(where: { !$0.isWhitespace }) else {
            throw LessonError.source(file: file, line: 1, message: "the chapter is empty")
        }
        var state = State(
            file: file, lines: source.split(separator: "\n", omittingEmptySubsequences: false))
        try state.walk(document.root.children)
        for span in document.math where span.display {
            let section = state.sections.last { $0.line < span.range.start.line }?.id
            state.formulas.append(
                Formula(
                    tex: span.tex, label: span.label, line: span.range.start.line, section: section)
            )
        }
        state.formulas.sort { $0.line < $1.line }
        try state.checkBlockNames()
        try state.pairFormulas()

        let top = state.titles.first
        let heading = top.flatMap { Section.parse(heading: $0.text, level: 1, line: $0.line) }
        let stem = String(file.split(separator: "/").last ?? "").replacingOccurrences(
            of: ".md", with: "")
        let slug = stem.drop { $0.isNumber || $0 == "-" }
        return Chapter(
            id: heading.map { "chapter\($0.id)" } ?? String(slug.isEmpty ? stem[...] : slug),
            number: heading?.id,
            title: heading?.title ?? top?.text ?? stem,
            originalTitle: heading?.originalTitle,
            file: file, source: source, sections: state.sections, blocks: state.blocks,
            formulas: state.formulas, document: document)
    }
}

extension ChapterParser {
    fileprivate struct State {
        var file: String
        var lines: [Substring]
        var titles: [(text: String, line: Int)] = []
        var sections: [Section] = []
        var blocks: [CodeBlock] = []
        var formulas: [Formula] = []

        mutating func walk(_ nodes: [MarkdownNode]) throws(LessonError) {
            var previousWasSwift = false
            for node in nodes {
                let line = node.range?.start.line ?? 0
                switch node.kind {
                case .heading(let level):
                    if level == 1 { titles.append((node.readerText, line)) }
                    if level > 1,
                        let section = Section.parse(
                            heading: node.readerText, level: level, line: line)
                    {
                        sections.append(section)
                    }
                    previousWasSwift = false
                case .codeBlock(let info, let literal, let fenced) where fenced:
                    previousWasSwift = try codeBlock(
                        node, info: info, literal: literal, previousWasSwift)
                default:
                    try walk(node.children)
                    previousWasSwift = false
                }
            }
        }

        /// Records a Swift or output block; returns true if it was a Swift block.
        private mutating func codeBlock(
            _ node: MarkdownNode, info: String, literal: String, _ previousWasSwift: Bool
        ) throws(LessonError) -> Bool {
            let start = node.range?.start.line ?? 0
            let end = node.range?.end.line ?? start
            guard isClosed(openingLine: start, closingLine: end) else {
                let fence = lines[start - 1].drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
                let inner = (start + 1...max(start + 1, end)).first { line in
                    line <= lines.count && lines[line - 1].hasPrefix(fence)
                }
                let hint =
                    inner.map {
                        " (line \($0), `\(lines[$0 - 1])`, is read as code inside it: "
                            + "close this block before it)"
                    } ?? ": add a closing fence after the block"
                throw LessonError.source(
                    file: file, line: start, message: "this code fence is never closed" + hint)
            }
            let (language, words) = InfoString.words(info)
            do throws(OptionError) {
                switch language {
                case "swift":
                    blocks.append(
                        CodeBlock(
                            id: blocks.count, file: file, startLine: start, endLine: end,
                            code: literal,
                            options: try BlockOptions(words: words), section: sections.last?.id))
                    return true
                case "output":
                    guard previousWasSwift, !blocks.isEmpty else {
                        throw OptionError("an output block must follow a swift block")
                    }
                    blocks[blocks.count - 1].expected = ExpectedOutput(
                        text: literal, startLine: start, endLine: end,
                        info: words.joined(separator: " "),
                        tolerance: try ExpectedOutput.tolerance(from: words))
                    return false
                default:
                    return false
                }
            } catch {
                throw LessonError.source(file: file, line: start, message: error.message)
            }
        }

        /// True if the block's last line is a closing fence as long as its opening one, as
        /// opposed to a block that cmark let run to the end of its container.
        func isClosed(openingLine: Int, closingLine: Int) -> Bool {
            guard openingLine < closingLine, closingLine <= lines.count, openingLine >= 1 else {
                return false
            }
            let opening = lines[openingLine - 1].drop { $0 == " " || $0 == ">" }
            let closing = lines[closingLine - 1].drop { $0 == " " || $0 == ">" }
            guard let fence = opening.first, fence == "`" || fence == "~" else { return true }
            let length = opening.prefix { $0 == fence }.count
            let closingFence = closing.prefix { $0 == fence }
            return closingFence.count >= length
                && closing.dropFirst(closingFence.count).allSatisfy { $0 == " " || $0 == "\t" }
        }

        /// Block names are anchors on the page (`#block-NAME`): unique within the chapter, and
        /// never a bare number, which is what an unnamed block's anchor uses.
        func checkBlockNames() throws(LessonError) {
            var seen: [String: Int] = [:]
            for block in blocks {
                guard let name = block.options.name else { continue }
                if name.allSatisfy(\.isNumber) {
                    throw LessonError.source(
                        file: file, line: block.startLine,
                        message:
                            "a block name cannot be a number ('\(name)' would clash with #block-\(name))"
                    )
                }
                if let first = seen[name] {
                    throw LessonError.source(
                        file: file, line: block.startLine,
                        message:
                            "the block name '\(name)' is already used by the block at line \(first)"
                    )
                }
                seen[name] = block.startLine
            }
        }

        /// Pairs each formula with its verifying block: the one naming its label, else the
        /// first runnable Swift block after it in the same section.
        mutating func pairFormulas() throws(LessonError) {
            let labels = Set(formulas.compactMap(\.label))
            for block in blocks {
                for label in block.options.verifies where !labels.contains(label) {
                    throw LessonError.source(
                        file: file, line: block.startLine,
                        message: "verifies=\(label) names no labelled formula in this chapter")
                }
            }
            for index in formulas.indices {
                let formula = formulas[index]
                if let label = formula.label,
                    let named = blocks.first(where: {
                        $0.runs && $0.options.verifies.contains(label)
                    })
                {
                    formulas[index].verifiedBy = named.id
                    continue
                }
                formulas[index].verifiedBy =
                    blocks.first {
                        $0.runs && $0.startLine > formula.line && $0.section == formula.section
                    }?.id
            }
        }
    }
}
