import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The server behind `lessons serve`, on 127.0.0.1 only (Hummingbird 2 over SwiftNIO): the
/// site's files, `/__lessons/version` (a number that changes whenever the site is rebuilt, which
/// served pages poll to reload themselves) and, with a notebook, the live notebook: its
/// scripts injected into every page it sends, and its run, stop and save requests.
///
/// Every request must name this server as its Host and come from no foreign Origin; run, stop
/// and save must also carry the launch's token (see `RequestGuard`).
public final class SiteServer: @unchecked Sendable {
    public let site: URL
    /// The port it listens on (chosen by the system when asked for 0).
    public let port: UInt16
    /// The secret of this launch, in the printed URL; never written to disk.
    public let token: String
    let notebook: Notebook?
    private let guardian: RequestGuard
    private let task: Task<Void, any Error>
    private let lock = NSLock()
    private var version = 1

    /// Listens on 127.0.0.1:`port` (0 for any free port) and serves at once. Blocks until the
    /// port is bound, so do not call it on a Swift concurrency thread.
    public init(site: URL, port: UInt16 = 0, notebook: Notebook? = nil) throws {
        self.site = site
        self.notebook = notebook
        token = (0..<2).map { _ in Marker.makeToken() }.joined()
        let bound = BoundPort()
        var logger = Logger(label: "lessons.serve")
        logger.logLevel = .critical
        let handler = Handler()
        let application = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                try await handler.respond(to: request)
            },
            configuration: ApplicationConfiguration(
                address: .hostname("127.0.0.1", port: Int(port)), serverName: nil),
            onServerRunning: { channel in bound.set(channel.localAddress?.port ?? 0) },
            logger: logger)
        let thread = ServerThread(name: "lessons serve")
        task = Task(executorPreference: thread) {
            defer {
                bound.set(nil)
                thread.end()
            }
            try await application.run()
        }
        guard let actual = bound.wait(), actual > 0 else {
            task.cancel()
            throw LessonError.system("cannot listen on 127.0.0.1:\(port) (is it in use?)")
        }
        self.port = UInt16(actual)
        guardian = RequestGuard(port: self.port, token: token)
        handler.server = self
    }

    /// The site's address, without the token.
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// The address to open: with the token, which the page keeps and takes out of the bar.
    public var urlWithToken: String { "\(url)?token=\(token)" }

    /// Stops serving; requests under way are cut off, and the notebook's kernels are killed.
    public func stop() {
        task.cancel()
        notebook?.kernels?.shutdown()
    }

    deinit { stop() }

    /// Tells polling pages that the site changed.
    public func siteChanged() { lock.withLock { version += 1 } }

    private func respond(to request: Request) async throws -> Response {
        let head = request.head
        let needsToken = head.method == .post
        if let refusal = guardian.refusal(
            host: head.authority, origin: request.headers[.origin],
            token: request.headers[HTTPField.Name(RequestGuard.tokenHeader)!],
            needsToken: needsToken)
        {
            return Self.text(refusal + "\n", status: .forbidden)
        }
        let path = String((head.path ?? "/").prefix { $0 != "?" && $0 != "#" })
        switch (head.method, path) {
        case (.get, "/__lessons/version"), (.head, "/__lessons/version"):
            return Self.text("\(lock.withLock { version })", head: head.method == .head)
        case (.post, "/__lessons/run"), (.post, "/__lessons/stop"), (.post, "/__lessons/save"):
            guard let notebook else { return Self.text("no notebook here\n", status: .notFound) }
            let body = try await request.body.collect(upTo: 16 << 20)
            return await NotebookEndpoints(notebook: notebook).respond(
                to: String(path.dropFirst("/__lessons/".count)), body: Data(buffer: body))
        case (.get, _), (.head, _):
            return file(at: head.path ?? "/", head: head.method == .head)
        default:
            return Self.text("GET, HEAD and the notebook's POSTs only\n", status: .methodNotAllowed)
        }
    }

    /// A file of the site (an HTML page with the notebook added), of the notebook's assets,
    /// or of Debian's CodeMirror.
    private func file(at requestPath: String, head: Bool) -> Response {
        let cm = "/__lessons/codemirror/"
        let file: URL?
        var isPage = false
        if requestPath.hasPrefix(cm) {
            file = SitePath.resolve(
                "/" + requestPath.dropFirst(cm.count),
                in: URL(fileURLWithPath: LivePageInjection.codeMirrorFolder))
        } else if requestPath == "/__lessons/notebook.js"
            || requestPath == "/__lessons/notebook.css"
        {
            file = Bundle.module.url(
                forResource: String(requestPath.dropFirst("/__lessons/".count)),
                withExtension: nil, subdirectory: "NotebookAssets")
        } else if requestPath.hasPrefix("/__lessons/") {
            return Self.text("not found\n", status: .notFound)
        } else {
            file = SitePath.resolve(requestPath, in: site)
            isPage = true
        }
        guard let file else { return Self.text("outside the site\n", status: .forbidden) }
        guard var data = FileManager.default.contents(atPath: file.path) else {
            return Self.text("not found\n", status: .notFound)
        }
        if isPage, notebook != nil, file.pathExtension == "html" {
            let page = notebook?.page(named: file.lastPathComponent)
            data = Data(
                LivePageInjection.inject(into: String(decoding: data, as: UTF8.self), page: page)
                    .utf8)
        }
        return Self.response(
            data, type: SitePath.contentType(of: file.lastPathComponent), head: head)
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, head: Bool = false)
        -> Response
    {
        response(Data(text.utf8), type: "text/plain; charset=utf-8", status: status, head: head)
    }

    static func response(
        _ data: Data, type: String, status: HTTPResponse.Status = .ok, head: Bool = false
    ) -> Response {
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .contentLength: "\(data.count)",
        ]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(
            status: status, headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Hands requests to the server once it exists (the application is made before it).
    private final class Handler: @unchecked Sendable {
        private let lock = NSLock()
        private weak var _server: SiteServer?
        var server: SiteServer? {
            get { lock.withLock { _server } }
            set { lock.withLock { _server = newValue } }
        }

        func respond(to request: Request) async throws -> Response {
            guard let server else {
                return SiteServer.text("starting\n", status: .serviceUnavailable)
            }
            return try await server.respond(to: request)
        }
    }

    /// The port the server bound, handed from the server's task to `init`.
    private final class BoundPort: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Int??

        func set(_ port: Int?) {
            condition.withLock {
                if value == nil { value = .some(port) }
                condition.broadcast()
            }
        }

        func wait() -> Int? {
            condition.withLock {
                while value == nil { condition.wait() }
                return value ?? nil
            }
        }
    }
}
