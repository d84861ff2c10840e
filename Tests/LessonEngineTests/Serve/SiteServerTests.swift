import Foundation
import Testing

@testable import LessonEngine

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

    func get(_ path: String, port: UInt16) throws -> (status: Int, body: String) {
        try LoopbackHTTP.get(path, port: port)
    }

    /// A chapter build or program started while serving must not inherit the listening port
    /// (or a connection): the engine's children get no descriptor but 0, 1 and 2, for SwiftNIO
    /// opens its sockets without close-on-exec.
    @Test func theServersSocketsAreNotInheritedByChildProcesses() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try await offThread { try SiteServer(site: site) }
        defer { server.stop() }
        let child = try await offThread {
            try Subprocess(
                executable: "/bin/sh", arguments: ["-c", "ls -l /proc/$$/fd"]
            ).run().text
        }
        #expect(child.contains("/dev/null"), "\(child)")
        #expect(!child.contains("socket:"), "\(child)")
    }

    @Test func servesFilesAndRefusesPathsOutsideTheSite() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try await offThread { try SiteServer(site: site) }
        defer { server.stop() }
        #expect(try get("/", port: server.port) == (200, "<p>hello</p>"))
        #expect(try get("/missing.html", port: server.port).status == 404)
        #expect(try get("/../secret.txt", port: server.port).status == 403)
        #expect(try get("/%2E%2E/secret.txt", port: server.port).status == 403)
        let before = try get("/__lessons/version", port: server.port).body
        server.siteChanged()
        #expect(try get("/__lessons/version", port: server.port).body != before)
    }

    /// A second server cannot take a port in use, and says which.
    @Test func aPortInUseIsNamed() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try await offThread { try SiteServer(site: site) }
        defer { server.stop() }
        let port = server.port
        await #expect(throws: LessonError.self) {
            _ = try await offThread { try SiteServer(site: site, port: port) }
        }
    }

    /// The static site is served as it is on disk: no notebook, no token.
    @Test func withoutANotebookPagesAreServedUnchanged() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let server = try await offThread { try SiteServer(site: site) }
        defer { server.stop() }
        #expect(try get("/index.html", port: server.port).body == "<p>hello</p>")
    }
}
