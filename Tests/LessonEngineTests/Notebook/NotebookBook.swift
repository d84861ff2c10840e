import Foundation
import Testing

@testable import LessonEngine

/// A throwaway book of one small chapter, served with its notebook on a free port, compiled
/// against the repository's engine build of the libraries.
final class NotebookBook: @unchecked Sendable {
    static let file = "Chapters/01-cells.md"

    /// The chapter: two blocks sharing state, each with its expected output.
    static let chapter = """
        # 1 Cells

        ## 1.1 Two cells

        ```swift
        let base = 40
        print("base", base)
        ```

        ```output
        base 40
        ```

        Then a second cell uses the first.

        ```swift
        print("sum", base + 2)
        ```

        ```output
        sum 42
        ```

        """

    let root: URL
    let server: SiteServer
    let notebook: Notebook

    /// Blocks until the port is bound: make it with `NotebookBook.make`, off the test's thread.
    private init(timeLimit: Double) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        try Data(Self.chapter.utf8).write(to: root.appendingPathComponent(Self.file))
        var workspace = Workspace(root: root, timeLimit: timeLimit)
        workspace.toolchain = try TestPackage.toolchain()
        notebook = Notebook(workspace: workspace)
        server = try SiteServer(
            site: root.appendingPathComponent("Site"), port: 0, notebook: notebook)
    }

    static func make(timeLimit: Double = 120) async throws -> NotebookBook {
        try await offThread { try NotebookBook(timeLimit: timeLimit) }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    var port: UInt16 { server.port }
    var token: String { server.token }

    /// The chapter's Markdown on disk now.
    func source() throws -> String {
        try String(contentsOf: root.appendingPathComponent(Self.file), encoding: .utf8)
    }

    /// The hash the page was sent with.
    func hash() throws -> String { SHA256.hash(try source()) }

    /// A request body for run or save.
    func body(
        edits: [Int: String] = [:], block: Int? = nil, outputs: [Int: String]? = nil,
        hash: String? = nil
    ) throws -> String {
        var object: [String: Any] = [
            "file": Self.file, "hash": try hash ?? self.hash(),
            "edits": edits.sorted { $0.key < $1.key }.map { ["id": $0.key, "code": $0.value] },
        ]
        if let block { object["block"] = block }
        if let outputs {
            object["outputs"] = outputs.map { ["id": $0.key, "text": $0.value] }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A POST with the token (or the given headers instead).
    func post(_ action: String, _ body: String, headers: [String: String?]? = nil) throws
        -> LoopbackHTTP.Response
    {
        try LoopbackHTTP.request(
            "POST", "/__lessons/\(action)", port: port,
            headers: headers ?? ["X-Lessons-Token": token, "Content-Type": "application/json"],
            body: body)
    }

    /// Starts a run; its events arrive in the returned stream as the server sends them.
    func run(edits: [Int: String], block: Int) throws -> RunStream {
        RunStream(book: self, body: try body(edits: edits, block: block))
    }
}

/// One run's response, read on a thread of its own while the test goes on.
final class RunStream: @unchecked Sendable {
    struct Event: @unchecked Sendable {
        var json: [String: Any]
        /// When it arrived.
        var at: Date
        var type: String { json["type"] as? String ?? "" }
        var id: Int? { json["id"] as? Int }
        var result: [String: Any]? { json["result"] as? [String: Any] }
    }

    private let lock = NSLock()
    private var received: [Event] = []
    private var finishedResponse: LoopbackHTTP.Response?
    private var parsed = 0
    private let finished = DispatchSemaphore(value: 0)

    init(book: NotebookBook, body: String) {
        let port = book.port
        let token = book.token
        Thread { [self] in
            let response = try? LoopbackHTTP.request(
                "POST", "/__lessons/run", port: port,
                headers: ["X-Lessons-Token": token, "Content-Type": "application/json"],
                body: body
            ) { text in self.take(text) }
            lock.withLock {
                finishedResponse =
                    response ?? LoopbackHTTP.Response(status: 0, headers: [:], body: "")
            }
            finished.signal()
        }.start()
    }

    private func take(_ body: String) {
        let now = Date()
        lock.withLock {
            let messages = body.components(separatedBy: "\n\n").dropLast()
            for message in messages.dropFirst(parsed) where message.hasPrefix("data: ") {
                let data = Data(message.dropFirst(6).utf8)
                if let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                    received.append(Event(json: json, at: now))
                }
            }
            parsed = messages.count
        }
    }

    var events: [Event] { lock.withLock { received } }
    var response: LoopbackHTTP.Response? { lock.withLock { finishedResponse } }

    /// The last result reported for a block.
    func result(_ id: Int) -> [String: Any]? {
        events.last { $0.type == "result" && $0.id == id }?.result
    }

    /// Waits for the response to end (at most `seconds`); the events then.
    func end(within seconds: Double = 300) async throws -> [Event] {
        try #require(
            await eventually(within: seconds) { self.response != nil }, "the run never ended")
        return events
    }
}

/// Runs blocking work (binding a port, say) on a thread of its own, not on one of the few
/// threads Swift concurrency runs tests on, which the server needs to start.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Whether `condition` holds within `seconds`, looking every 50 ms.
func eventually(within seconds: Double = 60, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        try await Task.sleep(nanoseconds: 50_000_000)
    }
}
