import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP client for the engine's server on 127.0.0.1 (raw, so that a path such as
/// `/../secret.txt` or a forged `Host` reaches the server as written).
enum LoopbackHTTP {
    /// A response: status, headers (names lowercased) and body, the body de-chunked.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Status and body of `GET path`, sent with a correct `Host`.
    static func get(_ path: String, port: UInt16) throws -> (status: Int, body: String) {
        let response = try request("GET", path, port: port)
        return (response.status, response.body)
    }

    /// Sends one request (`Host: 127.0.0.1:port` unless `headers` has a host, or has it as
    /// nil to send none) and reads the whole response; `onBody` sees the de-chunked body as
    /// it grows.
    static func request(
        _ method: String, _ path: String, port: UInt16, headers: [String: String?] = [:],
        body: String = "", onBody: (String) -> Void = { _ in }
    ) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        var all: [String: String?] = ["Host": "127.0.0.1:\(port)", "Connection": "close"]
        for (name, value) in headers { all[name] = value }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            if let value { head += "\(name): \(value)\r\n" }
        }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.utf8.count)\r\n" }
        let request = Array((head + "\r\n" + body).utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var parser = ResponseParser()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            if parser.feed(buffer[0..<count]) { onBody(parser.body) }
        }
        return Response(status: parser.status, headers: parser.headers, body: parser.body)
    }

    /// Reads a response as it arrives, de-chunking a chunked body.
    private struct ResponseParser {
        var status = 0
        var headers: [String: String] = [:]
        var body = ""
        private var raw: [UInt8] = []
        private var inBody = false
        private var bodyBytes: [UInt8] = []

        /// Adds bytes; true when the body grew.
        mutating func feed(_ bytes: ArraySlice<UInt8>) -> Bool {
            raw += bytes
            if !inBody {
                guard let end = Self.find([13, 10, 13, 10], in: raw, from: 0) else { return false }
                let text = String(decoding: raw[..<end], as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n")
                status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] =
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                raw.removeFirst(end + 4)
                inBody = true
            }
            let before = bodyBytes.count
            if headers["transfer-encoding"]?.lowercased() == "chunked" {
                while let lineEnd = Self.find([13, 10], in: raw, from: 0),
                    let size = Int(
                        String(decoding: raw[..<lineEnd], as: UTF8.self)
                            .split(separator: ";").first ?? "", radix: 16),
                    raw.count >= lineEnd + 2 + size + 2
                {
                    bodyBytes += raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
                    raw.removeFirst(lineEnd + 2 + size + 2)
                    if size == 0 { break }
                }
            } else {
                bodyBytes += raw
                raw.removeAll()
            }
            body = String(decoding: bodyBytes, as: UTF8.self)
            return bodyBytes.count > before
        }

        static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
            guard haystack.count >= needle.count + start else { return nil }
            for index in start...(haystack.count - needle.count)
            where Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            return nil
        }
    }
}
