import Testing

@testable import LessonEngine

@Suite struct MarkerSplitterTests {
    let token = "abc123"

    func marker(_ name: String) -> String { "\u{1}LESSONS:\(token):\(name)\n" }

    /// Feeds the text in chunks of `size` bytes and collects each block's output.
    func split(_ text: String, chunk size: Int) -> [String: String] {
        var splitter = MarkerSplitter(token: token)
        var outputs: [String: String] = [:]
        let bytes = Array(text.utf8)
        var events: [MarkerSplitter.Event] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            events += splitter.feed(bytes[start..<min(bytes.count, start + size)])
        }
        events += splitter.finish()
        for case .output(let block, let output) in events {
            outputs[block ?? "none", default: ""] += String(decoding: output, as: UTF8.self)
        }
        return outputs
    }

    @Test(arguments: [1, 2, 3, 7, 1000])
    func attributesOutputToBlocksWhateverTheChunking(size: Int) {
        let text =
            marker("0") + "zero\n" + marker("1") + "one, no newline" + marker("2") + "two\n"
            + marker("end")
        #expect(split(text, chunk: size) == ["0": "zero\n", "1": "one, no newline", "2": "two\n"])
    }

    @Test func aMarkerWithAnotherTokenIsJustOutput() {
        let forged = "\u{1}LESSONS:guess:9\n"
        let outputs = split(marker("0") + forged + "after\n", chunk: 4)
        #expect(outputs == ["0": forged + "after\n"])
    }

    @Test func outputBeforeTheFirstMarkerBelongsToNoBlock() {
        #expect(split("early\n" + marker("0") + "x", chunk: 5) == ["none": "early\n", "0": "x"])
    }
}
