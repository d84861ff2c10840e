import Foundation
import Testing

@testable import LessonEngine

/// The LSTM and GRU formulas of the source article (section 3.3.1), copied verbatim.
private let recurrentSection = #"""
    #### 3.3.1.1 LSTM

    LSTM 的核心组件包括输入门（Input Gate）、遗忘门（Forget Gate）和输出门（Output Gate）。

    $$
    i_t = \sigma(W_{xi}x_t + W_{hi}h_{t-1} + b_i)
    $$

    $$
    \tilde{C}_t = tanh(W_{xc}x_t + W_{hc}h_{t-1} + b_c)
    $$

    $$
    C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t
    $$

    其中，$i_t$ 是输入门，$C_t$ 是隐藏状态。$\sigma$ 是 Sigmoid 激活函数，$tanh$ 是 Tanh 激活函数。

    #### 3.3.1.2 GRU

    $$
    \tilde{h}_t = tanh(W_{x\tilde{h}}x_t + W_{h\tilde{h}}((1 - r_t) \odot h_{t-1}) + b_{\tilde{h}})
    $$

    $$
    p_{max} = max\{y[l-p,m-q]\} \quad \text{if } a < b \;\&\; c > d
    $$
    """#

@Test func recurrentFormulasComeOutByteForByte() throws {
    let document = try MarkdownDocument.parse(recurrentSection)
    let display = document.root.children.compactMap { block in
        if case .math(let tex, true, nil) = block.kind { tex } else { nil }
    }
    #expect(
        display == [
            #"i_t = \sigma(W_{xi}x_t + W_{hi}h_{t-1} + b_i)"#,
            #"\tilde{C}_t = tanh(W_{xc}x_t + W_{hc}h_{t-1} + b_c)"#,
            #"C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t"#,
            #"\tilde{h}_t = tanh(W_{x\tilde{h}}x_t + W_{h\tilde{h}}((1 - r_t) \odot h_{t-1}) + b_{\tilde{h}})"#,
            #"p_{max} = max\{y[l-p,m-q]\} \quad \text{if } a < b \;\&\; c > d"#,
        ])
    #expect(document.math.filter { !$0.display }.map(\.tex) == ["i_t", "C_t", #"\sigma"#, "tanh"])
    #expect(
        document.math.filter(\.display).map(\.lines) == [5...7, 9...11, 13...15, 21...23, 25...27])
}

@Test func recurrentFormulasAreEscapedInHTML() throws {
    let html = try MarkdownDocument.parse(recurrentSection).html()
    #expect(
        html.contains(
            #"<div class="math display">\[C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t\]</div>"#
                + "\n"))
    #expect(
        html.contains(
            #"\[p_{max} = max\{y[l-p,m-q]\} \quad \text{if } a &lt; b \;\&amp;\; c &gt; d\]</div>"#)
    )
    #expect(html.contains(#"其中，<span class="math inline">\(i_t\)</span> 是输入门"#))
    #expect(!html.contains("<em>"))
    #expect(html.hasPrefix("<h4>3.3.1.1 LSTM</h4>\n<p>LSTM 的核心组件"))
}

/// The article sits in `shared/` beside the repository (here and in CI).
private let articlePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/source/article.md").path

/// The whole source article, where this machine has it.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: articlePath)))
struct WholeArticleTests {
    let article = (try? String(contentsOfFile: articlePath, encoding: .utf8)) ?? ""

    /// With every formula swapped for a placeholder word, the article is math-free Markdown,
    /// and must render exactly as cmark renders it.
    @Test func rendersLikeCmarkWithMathSetAside() throws {
        let protected = try MathProtector.protect(article)
        #expect(protected.placeholders.spans.count == 21 + 27)  // display + inline, by grep
        let html = HTMLRenderer().render(CommonMark.parse(protected.source))
        #expect(html == CommonMark.referenceHTML(protected.source))
    }

    /// Every display formula, read naively as the lines between two `$$` lines, is a block.
    @Test func everyDisplayFormulaIsABlockWithItsLines() throws {
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false)
        let fences = lines.indices.filter { lines[$0] == "$$" }
        let expected = stride(from: 0, to: fences.count, by: 2).map { pair in
            lines[(fences[pair] + 1)..<fences[pair + 1]].joined(separator: "\n")
        }
        #expect(fences.count == 2 * 21)
        let document = try MarkdownDocument.parse(article)
        let blocks = document.root.children.compactMap { block in
            if case .math(let tex, true, _) = block.kind { tex } else { nil }
        }
        #expect(blocks == expected)
        #expect(
            document.math.filter(\.display).map(\.lines.lowerBound)
                == fences.enumerated()
                .filter { $0.offset % 2 == 0 }.map { $0.element + 1 })
    }

    /// The article's code blocks keep the literal and the lines a math-blind parse gives them.
    @Test func codeBlocksAreUntouchedByMath() throws {
        let codeBlocks: (MarkdownNode) -> [MarkdownNode] = { root in
            root.children.filter { if case .codeBlock = $0.kind { true } else { false } }
        }
        let document = try MarkdownDocument.parse(article)
        let ours = codeBlocks(document.root)
        #expect(ours.count == 3)
        #expect(ours == codeBlocks(CommonMark.parse(article)))
    }
}
