import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain static file server on 127.0.0.1 for the browser tests: `GET` of the files under one
/// folder and nothing else, as any static host would publish `Site/` — no live reload, no
/// injected script, so the pages are tested exactly as they are published.
final class StaticSiteServer: @unchecked Sendable {
    let folder: URL
    private(set) var port: UInt16 = 0
    private let socketFD: Int32

    /// Binds a free port on 127.0.0.1 and serves on a background thread.
    init(folder: URL) throws {
        self.folder = folder
        #if canImport(Glibc)
            socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        #else
            socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socketFD >= 0, bound == 0, listen(socketFD, 64) == 0 else {
            throw BrowserTestError("cannot listen on 127.0.0.1")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socketFD, $0, &length)
            }
        }
        port = UInt16(bigEndian: actual.sin_port)
        signal(SIGPIPE, SIG_IGN)
        Thread { [self] in
            while true {
                let client = accept(socketFD, nil, nil)
                if client >= 0 { Thread { [self] in handle(client) }.start() }
            }
        }.start()
    }

    var url: String { "http://127.0.0.1:\(port)/" }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16384, !request.ends(with: Array("\r\n\r\n".utf8)) {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            request += buffer[0..<count]
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let words = line.split(separator: " ")
        var status = "404 Not Found"
        var type = "text/plain"
        var body = Data("not found\n".utf8)
        if words.count >= 2, words[0] == "GET" {
            var path = String(words[1].prefix { $0 != "?" && $0 != "#" })
            path = path.removingPercentEncoding ?? path
            if path.hasSuffix("/") { path += "index.html" }
            let file = folder.appendingPathComponent(String(path.dropFirst()))
            if !path.contains(".."), let data = FileManager.default.contents(atPath: file.path) {
                (status, type, body) = ("200 OK", Self.contentType(file.pathExtension), data)
            }
        }
        let head =
            "HTTP/1.0 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        let response = Data(head.utf8) + body
        response.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func contentType(_ fileExtension: String) -> String {
        switch fileExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "woff2": "font/woff2"
        case "md": "text/markdown; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// A failure of the browser tests' own machinery, with what went wrong.
struct BrowserTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
