import Foundation
import Testing

@testable import LessonEngine

/// The notebook end to end over HTTP: the real server, a real chapter compiled and run by the
/// engine, the edits sent as the page sends them.
@Suite(.serialized) struct NotebookRunTests {
    @Test func anEditedBlockRunsAfterTheBlocksAboveAndStreamsItsOutput() async throws {
        let book = try await NotebookBook.make()
        // It prints, waits, prints again: the first line must reach us before the run ends.
        let code = """
            print("early", base + 1)
            usleep(2_000_000)
            print("late")

            """
        let stream = try book.run(edits: [1: code], block: 1)
        let events = try await stream.end()
        #expect(stream.response?.status == 200)
        #expect(stream.response?.headers["content-type"] == "text/event-stream")
        let early = try #require(
            events.first {
                $0.type == "output" && ($0.json["text"] as? String)?.contains("early 41") == true
            },
            "no streamed output: \(events.map(\.json))")
        let done = try #require(events.last)
        #expect(done.type == "done")
        #expect(done.json["stopped"] as? Bool == false)
        #expect(done.at.timeIntervalSince(early.at) > 1.5, "the output came only at the end")

        // The block above ran first and still matches; the edited one ran and now differs.
        let above = try #require(stream.result(0))
        #expect(above["status"] as? String == "completed")
        #expect(above["diff"] == nil && above["hasExpected"] as? Bool == true)
        let edited = try #require(stream.result(1))
        #expect(edited["status"] as? String == "completed")
        #expect(edited["output"] as? String == "early 41\nlate\n")
        let diff = try #require(edited["diff"] as? String)
        #expect(diff.contains("-sum 42") && diff.contains("+early 41"))
        // Nothing of the run was written into the chapter.
        #expect(try book.source() == NotebookBook.chapter)
    }

    @Test func aCompileErrorIsOnTheEditorsLine() async throws {
        let book = try await NotebookBook.make()
        let code = "print(\"fine\")\nlet wrong: Int = \"text\"\nprint(wrong)\n"
        let stream = try book.run(edits: [1: code], block: 1)
        _ = try await stream.end()
        let result = try #require(stream.result(1))
        #expect(result["status"] as? String == "compileError")
        let diagnostics = try #require(result["diagnostics"] as? [[String: Any]])
        let error = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect(error["line"] as? Int == 2, "\(diagnostics)")
        #expect((error["message"] as? String)?.contains("String") == true)
    }

    @Test func aTrapIsReportedOnItsLine() async throws {
        let book = try await NotebookBook.make()
        let code = "let values = [1, 2]\nprint(values[base])\n"
        let stream = try book.run(edits: [1: code], block: 1)
        _ = try await stream.end()
        let result = try #require(stream.result(1))
        #expect(result["status"] as? String == "trapped")
        let diagnostics = try #require(result["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["line"] as? Int == 2, "\(diagnostics)")
        #expect(stream.result(0)?["status"] as? String == "completed")
    }

    @Test func anEndlessLoopEndsAtTheTimeLimit() async throws {
        let book = try await NotebookBook.make(timeLimit: 15)
        let stream = try book.run(edits: [1: "while true {}\n"], block: 1)
        _ = try await stream.end(within: 120)
        #expect(stream.result(1)?["status"] as? String == "timedOut")
    }

    @Test func stopEndsAnEndlessLoopAtOnceAndASecondRunIsRefusedMeanwhile() async throws {
        let book = try await NotebookBook.make(timeLimit: 600)
        let stream = try book.run(edits: [1: "print(\"looping\")\nwhile true {}\n"], block: 1)
        try #require(
            await eventually(within: 300) {
                stream.events.contains { $0.type == "output" && $0.id == 1 }
            }, "the loop never started: \(stream.events.map(\.json))")

        // Runs of one chapter never interleave: a second is refused while the first goes on.
        let second = try book.post("run", try book.body(block: 0))
        #expect(second.status == 409)
        #expect(second.body.contains("already running"))

        let stopped = Date()
        let answer = try book.post("stop", try book.body())
        #expect(answer.status == 200 && answer.body.contains("true"))
        let events = try await stream.end(within: 30)
        #expect(Date().timeIntervalSince(stopped) < 5, "Stop did not end the run at once")
        #expect(events.last?.json["stopped"] as? Bool == true)
        #expect(stream.result(1)?["status"] as? String == "stopped")
        #expect(stream.result(1)?["output"] as? String == "looping\n")

        // The chapter is free again.
        let again = try book.run(edits: [:], block: 0)
        _ = try await again.end()
        #expect(again.result(0)?["status"] as? String == "completed")
    }
}
