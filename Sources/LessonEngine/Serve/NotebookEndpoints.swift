import Foundation
import HTTPTypes
import Hummingbird

/// The notebook's requests over HTTP: `run` answers with the run's events as server-sent
/// events while it goes on, `stop` and `save` with JSON. Refusals are JSON too, with their
/// status (409 for a chapter already running or changed on disk).
struct NotebookEndpoints {
    let notebook: Notebook

    func respond(to action: String, body: Data) async -> Response {
        let request: NotebookRequest
        do {
            request = try JSONDecoder().decode(NotebookRequest.self, from: body)
        } catch {
            return Self.json(NotebookRefusal.badRequest("the request is not valid JSON: \(error)"))
        }
        switch action {
        case "run": return run(request)
        case "stop":
            return Self.json(["stopped": notebook.stop(file: request.file)], status: .ok)
        default:
            // Saving may wait for the book's lock: on a thread of its own, not the server's.
            let notebook = notebook
            let saved = await withCheckedContinuation { continuation in
                Thread {
                    continuation.resume(
                        returning: Result { () throws(NotebookRefusal) in
                            try notebook.save(request)
                        })
                }.start()
            }
            switch saved {
            case .success(let page): return Self.json(page, status: .ok)
            case .failure(let refusal): return Self.json(refusal)
            }
        }
    }

    private func run(_ request: NotebookRequest) -> Response {
        let run: NotebookRun
        do throws(NotebookRefusal) {
            run = try notebook.startRun(request)
        } catch {
            return Self.json(error)
        }
        let (events, continuation) = AsyncStream.makeStream(of: NotebookEvent.self)
        // The run blocks a thread of its own while the compiler and the program work.
        let thread = Thread {
            run.execute { continuation.yield($0) }
            continuation.finish()
        }
        thread.start()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                do {
                    for await event in events {
                        let data = (try? encoder.encode(event)) ?? Data("{}".utf8)
                        var buffer = ByteBuffer(string: "data: ")
                        buffer.writeBytes(data)
                        buffer.writeString("\n\n")
                        try await writer.write(buffer)
                    }
                    try await writer.finish(nil)
                } catch {
                    // The page went away: nobody is left to see the run, so it ends now.
                    run.stop()
                    throw error
                }
            })
    }

    static func json(_ refusal: NotebookRefusal) -> Response {
        json(refusal, status: HTTPResponse.Status(code: refusal.status))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return SiteServer.response(data, type: "application/json", status: status)
    }
}
