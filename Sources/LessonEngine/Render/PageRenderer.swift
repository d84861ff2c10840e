/// Renders a chapter as an HTML page: its prose, the code of each visible Swift block, and
/// under it what that block really printed.
struct PageRenderer {
    var chapter: Chapter
    /// The run's results, by block id.
    var results: [Int: BlockResult]
    var book: [Chapter]

    /// The `<main>` content: the chapter's Markdown with code blocks rendered by the engine.
    func body() -> String {
        let blocksByLine = Dictionary(
            uniqueKeysWithValues: chapter.blocks.map { ($0.startLine, $0) })
        return chapter.document.html { node in
            guard case .codeBlock(let info, _, true) = node.kind, let line = node.range?.start.line
            else {
                return nil
            }
            if let block = blocksByLine[line] { return render(block) }
            return InfoString.words(info).language == "output" ? "" : nil
        }
    }

    private func render(_ block: CodeBlock) -> String {
        if block.options.hidden { return "" }
        var html = "<figure class=\"cell\" id=\"block-\(block.id)\">\n"
        html +=
            "<pre><code class=\"language-swift\">\(HTMLEscaping.escape(block.code))</code></pre>\n"
        if let result = results[block.id], !result.output.isEmpty || !result.passed {
            let state = result.passed ? "output" : "output failed"
            let note = result.block.options.fails ? " expected-failure" : ""
            html +=
                "<pre class=\"\(state)\(note)\"><samp>\(HTMLEscaping.escape(result.output))</samp></pre>\n"
        }
        return html + "</figure>\n"
    }

    /// The whole page.
    func page() -> String {
        let title = [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " ")
        return SiteTemplate.page(
            title: title, navigation: SiteTemplate.navigation(book, current: chapter.id),
            body: body())
    }
}
