import Foundation
import Testing

@testable import LessonEngine

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The server answers on 127.0.0.1 with the site's files, and nothing outside it.
@Suite struct SiteServerTests {
    /// A site folder beside a secret file the server must not give away.
    func makeSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "serve-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("<p>hello</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        return site
    }

    /// Status and body of a raw request (raw, so `..` reaches the server unnormalised).
    func get(_ path: String, port: UInt16) throws -> (status: Int, body: String) {
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
        let request = Array("GET \(path) HTTP/1.0\r\n\r\n".utf8)
        _ = write(fd, request, request.count)
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined()
        return (status, body)
    }

    @Test func servesFilesAndRefusesPathsOutsideTheSite() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try SiteServer(site: site)
        server.start()
        defer { server.stop() }
        #expect(try get("/", port: server.port) == (200, "<p>hello</p>"))
        #expect(try get("/missing.html", port: server.port).status == 404)
        #expect(try get("/../secret.txt", port: server.port).status == 403)
        #expect(try get("/%2E%2E/secret.txt", port: server.port).status == 403)
        let before = try get("/__lessons/version", port: server.port).body
        server.siteChanged()
        #expect(try get("/__lessons/version", port: server.port).body != before)
    }
}
