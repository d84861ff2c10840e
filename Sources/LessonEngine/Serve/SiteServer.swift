import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.0 server for the site, on 127.0.0.1 only: `GET` and `HEAD` of files under
/// the site folder, and `/__lessons/version`, a number that changes whenever the site is
/// rebuilt (the pages poll it to reload themselves).
public final class SiteServer: @unchecked Sendable {
    public let site: URL
    /// The port it listens on (chosen by the system when asked for 0).
    public private(set) var port: UInt16 = 0
    /// The listening socket; like every socket the server opens, closed in child processes
    /// (a chapter's build or program must not hold the port).
    let socketFD: Int32
    private let lock = NSLock()
    private var version = 1
    private var stopped = false

    /// Binds 127.0.0.1:`port` (0 for any free port); call `start()` to serve.
    public init(site: URL, port: UInt16 = 0) throws {
        self.site = site
        #if canImport(Glibc)
            socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        #else
            socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketFD >= 0 else { throw LessonError.system("cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(
            socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else {
            close(socketFD)
            throw LessonError.system("cannot listen on 127.0.0.1:\(port) (is it in use?)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socketFD, $0, &length)
            }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// The site's address.
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// Serves requests on a background thread until `stop()`.
    public func start() {
        // A reader closing the page mid-response must not end the process.
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread { [self] in
            while true {
                let client = accept(socketFD, nil, nil)
                if client < 0 {
                    if lock.withLock({ stopped }) { return }
                    continue
                }
                // (`accept4`, which would set it at once, is not in Swift's Glibc module.)
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                Thread { [self] in handle(client) }.start()
            }
        }
        thread.start()
    }

    public func stop() {
        lock.withLock { stopped = true }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    /// Tells polling pages that the site changed.
    public func siteChanged() { lock.withLock { version += 1 } }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16384 {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            request += buffer[0..<count]
            // The request line and headers end at the first blank line.
            if String(decoding: request, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "GET" || words[0] == "HEAD" else {
            return respond(client, status: "405 Method Not Allowed", body: Data("GET only\n".utf8))
        }
        let path = String(words[1])
        let head = words[0] == "HEAD"
        if path.hasPrefix("/__lessons/version") {
            let body = Data("\(lock.withLock { version })".utf8)
            return respond(client, status: "200 OK", type: "text/plain", body: body, head: head)
        }
        guard let file = SitePath.resolve(path, in: site) else {
            return respond(client, status: "403 Forbidden", body: Data("outside the site\n".utf8))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return respond(client, status: "404 Not Found", body: Data("not found\n".utf8))
        }
        respond(
            client, status: "200 OK", type: SitePath.contentType(of: file.lastPathComponent),
            body: data, head: head)
    }

    private func respond(
        _ client: Int32, status: String, type: String = "text/plain; charset=utf-8", body: Data,
        head: Bool = false
    ) {
        var response = Data(
            ("HTTP/1.0 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n").utf8)
        if !head { response += body }
        response.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
