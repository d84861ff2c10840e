import Testing

@testable import Figures

@Suite struct TextMetricsTests {
    /// Widths measured in Chromium (canvas `measureText`) with `sans-serif` resolving to
    /// DejaVu Sans, the widest common sans-serif face: text, size, bold, width in points.
    static let measured: [(String, Double, Bool, Double)] = [
        ("-0.002", 12, false, 38.7),
        ("0.00001", 12, false, 49.6),
        ("600", 12, false, 22.9),
        ("1 → 3", 12, false, 33.0),
        ("I = 10 µA/cm²", 12, false, 83.3),
        ("WWWWMMMM mmmm", 12, false, 139.4),
        ("illegible lilt", 12, false, 65.2),
        ("potentiation (pre before post)", 12, false, 178.0),
        ("softplus: 50·ln(1 + e^(I − 2))", 12, false, 175.3),
        ("Ünïcödé Ŵidth çheck", 12, false, 126.6),
        ("汉字日本語のラベル", 12, false, 108.0),
        ("混合 mixed 标签 label", 12, false, 125.2),
        ("log₁₀ of the example's cross-entropy", 13, false, 235.6),
        ("Δt = t_post − t_pre (ms)", 13, false, 158.6),
        ("Gradient descent on L(θ) = 2θ²", 15, true, 261.0),
        ("Attention weights of positional encodings, softmax(PPᵀ/√d)", 15, true, 502.1),
        (
            "Per-example loss, sorted: members (training) and non-members (test)", 15, true,
            597.4
        ),
    ]

    @Test(arguments: measured.indices)
    func theEstimateCoversTheMeasuredWidthWithLittleToSpare(index: Int) {
        let (text, size, bold, width) = Self.measured[index]
        let estimate = TextMetrics.width(text, size: size, bold: bold)
        #expect(estimate >= width, "\(text): \(estimate) < \(width)")
        #expect(estimate <= 1.2 * width, "\(text): \(estimate) is far over \(width)")
    }

    @Test func wideCharactersCountAboutDoubleAndCombiningMarksNothing() {
        let latin = TextMetrics.width("ab", size: 12)
        let chinese = TextMetrics.width("学习", size: 12)
        #expect(chinese >= 1.5 * latin && chinese <= 2.5 * latin)
        #expect(TextMetrics.width("e\u{301}", size: 12) == TextMetrics.width("e", size: 12))
        #expect(TextMetrics.width("", size: 12) == 0)
    }

    @Test func wrappingKeepsEveryWordAndEveryLineWithinTheWidth() {
        let text = "Hopfield recall: stored, cue (12 of 64 pixels flipped), recalled"
        let lines = TextMetrics.wrap(text, width: 200, size: 15, bold: true)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == text)
        for line in lines {
            #expect(TextMetrics.width(line, size: 15, bold: true) <= 200, "\(line)")
        }
        #expect(TextMetrics.wrap(text, width: 2000, size: 15) == [text])
    }

    @Test func aWordWiderThanTheLineIsBrokenBetweenCharacters() {
        let word = String(repeating: "x", count: 40)
        let lines = TextMetrics.wrap(word, width: 100, size: 12)
        #expect(lines.joined() == word)
        #expect(lines.allSatisfy { TextMetrics.width($0, size: 12) <= 100 })
        #expect(TextMetrics.wrap("", width: 100, size: 12) == [""])
    }
}
