import Testing

@testable import LessonEngine

/// Seeded property tests over random Markdown built from the chapters and fixtures: the
/// parser, math protection, rendering, comparison and `--accept` must hold their promises on
/// every input, and never crash.
@Suite struct PropertyTests {
    static let corpus = MarkdownFuzzer.corpus()
    let iterations = 1500

    @Test func mathProtectionKeepsEveryLineAndParsingNeverCrashes() {
        var fuzzer = MarkdownFuzzer(seed: 1)
        for _ in 0..<iterations {
            let source = fuzzer.document(lines: Int(fuzzer.next() % 30), corpus: Self.corpus)
            if let protected = try? MathProtector.protect(source) {
                let lines = { (text: String) in
                    text.split(separator: "\n", omittingEmptySubsequences: false).count
                }
                #expect(lines(protected.source) == lines(source), "\(source.debugDescription)")
            }
            switch Result(catching: { () throws(MarkdownError) -> MarkdownDocument in
                try MarkdownDocument.parse(source)
            }) {
            case .success(let document):
                _ = document.html()
                for span in document.math {
                    #expect(
                        span.range.start.line >= 1
                            && span.range.end.line <= max(1, source.count + 1))
                }
            case .failure:
                break
            }
        }
    }

    @Test func withoutDollarsTheHTMLIsCmarksOwn() {
        var fuzzer = MarkdownFuzzer(seed: 2)
        var tables = 0
        for _ in 0..<iterations {
            let source = fuzzer.document(lines: Int(fuzzer.next() % 25), corpus: Self.corpus)
                .replacingOccurrences(of: "$", with: "S")
            guard let document = try? MarkdownDocument.parse(source) else {
                Issue.record("math-free Markdown failed to parse: \(source.debugDescription)")
                continue
            }
            // cmark knows no tables: those paragraphs are compared in `TableTests`.
            guard !Self.containsTable(document.root) else {
                tables += 1
                continue
            }
            #expect(
                document.html() == CommonMark.referenceHTML(source), "\(source.debugDescription)")
        }
        #expect(tables < iterations / 4)
    }

    private static func containsTable(_ node: MarkdownNode) -> Bool {
        node.kind == .table || node.children.contains(where: containsTable)
    }

    @Test func chapterParsingEitherSucceedsOrNamesALine() {
        var fuzzer = MarkdownFuzzer(seed: 3)
        for _ in 0..<iterations {
            let source = fuzzer.document(lines: Int(fuzzer.next() % 40), corpus: Self.corpus)
            do {
                let chapter = try ChapterParser(file: "f.md", source: source).parse()
                for block in chapter.blocks { #expect(block.startLine < block.endLine) }
            } catch {
                guard case .source(let file, let line, _) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
                #expect(file == "f.md" && line >= 1)
            }
        }
    }

    @Test func acceptedOutputReadsBackAsWritten() throws {
        var fuzzer = MarkdownFuzzer(seed: 4)
        for _ in 0..<300 {
            let output = fuzzer.document(lines: Int(fuzzer.next() % 6), corpus: Self.corpus)
            let source = "# 1 T\n\n```swift\nprint(1)\n```\n\n```output\nold\n```\n\nAfter.\n"
            let chapter = try ChapterParser(file: "f.md", source: source).parse()
            let expected = try #require(chapter.blocks.first?.expected)
            let rewritten = ExpectedOutputRewriter.apply(
                [.init(expected: expected, newText: output)], to: source)
            let reread = try ChapterParser(file: "f.md", source: rewritten).parse()
            let text = try #require(
                reread.blocks.first?.expected?.text, "\(output.debugDescription)")
            #expect(
                OutputComparison.normalize(text) == OutputComparison.normalize(output),
                "\(output.debugDescription)")
            #expect(rewritten.hasSuffix("\n\nAfter.\n"))
        }
    }

    @Test func anOutputAlwaysMatchesItselfAndComparisonNeverCrashes() {
        var fuzzer = MarkdownFuzzer(seed: 5)
        for _ in 0..<iterations {
            let a = fuzzer.document(lines: Int(fuzzer.next() % 5), corpus: Self.corpus)
            let b = fuzzer.document(lines: Int(fuzzer.next() % 5), corpus: Self.corpus)
            #expect(OutputComparison.matches(actual: a, expected: a, tolerance: nil))
            #expect(OutputComparison.matches(actual: a, expected: a, tolerance: 1e-6))
            #expect(
                OutputComparison.normalize(OutputComparison.normalize(a))
                    == OutputComparison.normalize(a))
            _ = OutputComparison.matches(actual: a, expected: b, tolerance: 1e-3)
            _ = UnifiedDiff.make(expected: a, actual: b, header: "f")
        }
    }
}
