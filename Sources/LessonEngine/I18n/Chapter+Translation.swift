extension Chapter {
    /// The chapter as a translated edition shows it: each heading, paragraph, list item and
    /// table cell with a usable translation has the translation's inlines in place of its
    /// own; everything else — code blocks, outputs, formulas on their own lines, raw HTML, the
    /// blocks' ids and every source position — is the chapter's own. Section titles follow
    /// the translated headings; section ids (their numbers) do not change.
    ///
    /// Translations must have passed `Translation.problems()`: one that is not a paragraph's
    /// inline content is skipped here (the English stays).
    func translated(by translation: Translation) -> Chapter {
        let extractor = UnitExtractor(chapter: self)
        var chapter = self
        chapter.document.root = Self.translate(
            document.root, context: UnitExtractor.Context(), extractor: extractor,
            translation: translation)
        var titles: [Int: String] = [:]
        for node in chapter.document.root.children {
            if case .heading = node.kind, let line = node.range?.start.line {
                titles[line] = node.readerText
            }
        }
        chapter.sections = sections.map { section in
            guard let text = titles[section.line],
                let translated = Section.parse(heading: text, level: section.level, line: 0),
                translated.id == section.id
            else { return section }
            var section = section
            section.title = translated.title
            section.originalTitle = translated.originalTitle
            return section
        }
        if let top = chapter.document.root.children.first(where: {
            if case .heading(1) = $0.kind { true } else { false }
        }) {
            if let heading = Section.parse(heading: top.readerText, level: 1, line: 0),
                heading.id == number
            {
                chapter.title = heading.title
                chapter.originalTitle = heading.originalTitle
            } else if number == nil {
                chapter.title = top.readerText
            }
        }
        return chapter
    }

    private static func translate(
        _ node: MarkdownNode, context: UnitExtractor.Context, extractor: UnitExtractor,
        translation: Translation
    ) -> MarkdownNode {
        var node = node
        switch node.kind {
        case .heading, .paragraph:
            if let message = extractor.message(of: node, context: context),
                let text = translation.translate(message),
                let inlines = InlineMarkdown.inlines(text)
            {
                node.children = inlines.map { placed($0, at: node.range) }
            }
        case .table:
            node.children = node.children.map { row in
                var row = row
                let messages = extractor.cellMessages(of: row)
                row.children = zip(row.children, messages).map { cell, message in
                    guard let message, let text = translation.translate(message),
                        let inlines = InlineMarkdown.inlines(text)
                    else { return cell }
                    var cell = cell
                    cell.children = inlines.map { placed($0, at: cell.range ?? row.range) }
                    return cell
                }
                return row
            }
        case .document, .blockQuote, .list, .item:
            let inner = context.entering(node)
            node.children = node.children.map {
                translate($0, context: inner, extractor: extractor, translation: translation)
            }
        default:
            break
        }
        return node
    }

    /// A translated inline, and everything in it, at the place of the text it replaces, so
    /// that errors name the chapter's line.
    private static func placed(_ node: MarkdownNode, at range: SourceRange?) -> MarkdownNode {
        var node = node
        node.range = range
        node.children = node.children.map { placed($0, at: range) }
        return node
    }
}
