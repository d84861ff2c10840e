import Foundation
import Testing

@testable import LessonEngine

@Suite(.enabled(if: FileManager.default.fileExists(atPath: MathRenderer.katexScript)))
struct MathCacheTests {
    @Test func renderedFormulasAreKeptAndOnlyNewOnesGoToNode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "math-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var renderer = MathRenderer()
        renderer.cacheFile = folder.appendingPathComponent("math-cache.json")
        let square = MathRenderer.Request(tex: "x^2", display: false)
        let first = try renderer.render([square])
        guard case .success(let html) = first[square] else {
            Issue.record("KaTeX did not render x^2: \(String(describing: first[square]))")
            return
        }
        // With node gone, the cached formula still renders; a new one cannot.
        renderer.node = "node-that-is-not-installed"
        #expect(try renderer.render([square])[square] == .success(html))
        #expect(throws: LessonError.self) {
            try renderer.render([square, MathRenderer.Request(tex: "y^3", display: true)])
        }
        // Refusals are not kept: a bad formula is reported on every build.
        renderer.node = "node"
        let bad = MathRenderer.Request(tex: "\\frac{1}{", display: true)
        guard case .failure = try renderer.render([bad])[bad] else {
            Issue.record("KaTeX accepted a broken formula")
            return
        }
        renderer.node = "node-that-is-not-installed"
        #expect(throws: LessonError.self) { try renderer.render([bad]) }
    }
}
