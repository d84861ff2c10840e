import Foundation

/// Seeded random Markdown for property tests: pieces of real chapters and tricky fragments,
/// spliced and mutated, so every run explores the same inputs.
struct MarkdownFuzzer {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let fragments = [
        "$", "$$", "\\$", "`", "```", "~~~", "```swift", "```output", "```swift hidden",
        "```swift fails",
        "```output tolerance=1e-3", "$x_1$", "$$\nx = 1\n$$", "$$ {#eq:a}", "{#eq:b}", "_", "*",
        "**", "\\",
        "{", "}", "<", ">", "&", "&amp;", "<div>", "</div>", "# 3 Title · 标题", "## 3.1 Section",
        "- item",
        "1. one", "> quote", "    indented", "[link](http://x.y/a b)", "![alt *x*](i.png \"t\")",
        "\n",
        "\n\n", "  \n", "\t", "é", "核心", "😀", "\u{1}", "print(1)", "let x = 2", "0.5", "-3e-2",
        "nan", "|", "\\|", "| a | b |", "|---|:-:|", "| - |", "~~", "~",
    ]

    /// A document of `count` lines, each built from a few fragments or a line of `corpus`.
    mutating func document(lines count: Int, corpus: [Substring]) -> String {
        var lines: [String] = []
        for _ in 0..<count {
            if !corpus.isEmpty, next() % 3 == 0 {
                lines.append(String(pick(corpus)))
            } else {
                lines.append(
                    (0..<Int(next() % 4 + 1)).map { _ in pick(Self.fragments) }.joined(
                        separator: pick(["", " "])))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Every line of the book's chapters and of the test fixtures.
    static func corpus() -> [Substring] {
        let folders = ["Chapters", "Tests/LessonEngineTests/Fixtures"].map {
            TestPackage.root.appendingPathComponent($0)
        }
        var lines: [Substring] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                let text =
                    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
                    ?? ""
                lines += text.split(separator: "\n", omittingEmptySubsequences: false)
            }
        }
        return lines
    }
}
