import Foundation
import Testing

@testable import LessonEngine

/// Jupyter's model: the token in a header, this server as the Host, no foreign Origin. Each
/// refused request is shown to have done nothing.
@Suite struct NotebookSecurityTests {
    @Test func aSaveWithoutTheTokenIsRefused() async throws {
        let book = try await NotebookBook.make()
        let body = try book.body(edits: [1: "print(\"pwned\")\n"])
        for headers: [String: String?] in [
            ["Content-Type": "application/json"],
            ["Content-Type": "application/json", "X-Lessons-Token": "0123"],
            ["Content-Type": "application/json", "X-Lessons-Token": String(book.token.dropLast())],
        ] {
            let answer = try book.post("save", body, headers: headers)
            #expect(answer.status == 403, "\(headers)")
        }
        // A form cannot set the header: the token in the URL or the body is not enough.
        let inQuery = try LoopbackHTTP.request(
            "POST", "/__lessons/save?token=\(book.token)", port: book.port,
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
        #expect(inQuery.status == 403)
        #expect(try book.source() == NotebookBook.chapter)
    }

    @Test func runAndStopWithoutTheTokenAreRefused() async throws {
        let book = try await NotebookBook.make()
        #expect(try book.post("run", try book.body(block: 0), headers: [:]).status == 403)
        #expect(try book.post("stop", try book.body(), headers: [:]).status == 403)
    }

    @Test(arguments: [
        "evil.example:PORT", "127.0.0.1:1", "localhost", "127.0.0.1.evil.example:PORT", nil,
    ])
    func aForeignHostIsRefused(host: String?) async throws {
        let book = try await NotebookBook.make()
        let forged = host?.replacingOccurrences(of: "PORT", with: "\(book.port)")
        let page = try LoopbackHTTP.request(
            "GET", "/__lessons/version", port: book.port, headers: ["Host": forged])
        #expect(page.status == 403)
        let save = try book.post(
            "save", try book.body(edits: [1: "print(\"pwned\")\n"]),
            headers: ["Host": forged, "X-Lessons-Token": book.token])
        #expect(save.status == 403)
        #expect(try book.source() == NotebookBook.chapter)
    }

    @Test func aForeignOriginIsRefusedEvenWithTheToken() async throws {
        let book = try await NotebookBook.make()
        for origin in ["http://evil.example", "null", "http://127.0.0.1:1"] {
            let save = try book.post(
                "save", try book.body(edits: [1: "print(\"pwned\")\n"]),
                headers: ["Origin": origin, "X-Lessons-Token": book.token])
            #expect(save.status == 403, "\(origin)")
        }
        #expect(try book.source() == NotebookBook.chapter)
        let own = try book.post(
            "stop", try book.body(),
            headers: [
                "Origin": "http://localhost:\(book.port)", "X-Lessons-Token": book.token,
                "Host": "localhost:\(book.port)",
            ])
        #expect(own.status == 200)
    }
}
