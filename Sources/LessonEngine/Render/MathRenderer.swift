import Foundation

/// Renders TeX to HTML at build time with KaTeX (Debian's `libjs-katex`) under node, so pages
/// need no script for math and any formula KaTeX cannot render fails the build.
///
/// Every formula of the book goes to one node process: the formulas are written to a JSON
/// file, a short script renders each with `throwOnError`, and writes the results back.
struct MathRenderer {
    /// A formula to render.
    struct Request: Hashable, Codable {
        var tex: String
        var display: Bool
    }

    /// Debian's KaTeX.
    static let katexScript = "/usr/share/javascript/katex/katex.min.js"

    var node = "node"
    var katex = MathRenderer.katexScript
    /// Where rendered formulas are kept between builds (by KaTeX version, TeX and mode), so a
    /// rebuild that meets no new formula starts no node process; nil keeps none.
    var cacheFile: URL?

    /// The script node runs: `node script.js katex.min.js input.json output.json`.
    static let script = """
        const fs = require("fs");
        const katex = require(process.argv[2]);
        const requests = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
        const results = requests.map(({ tex, display }) => {
          try {
            return { html: katex.renderToString(tex, {
              displayMode: display, throwOnError: true, strict: "ignore", output: "htmlAndMathml"
            }) };
          } catch (error) {
            return { error: String(error.message || error) };
          }
        });
        fs.writeFileSync(process.argv[4], JSON.stringify(results));

        """

    /// The HTML for each formula, or KaTeX's message for those it cannot render. Formulas
    /// rendered before come from the cache; only the others go to node, and the ones it
    /// renders join the cache (refusals never do, so they are reported every time).
    func render(_ requests: [Request]) throws -> [Request: Result<String, MathError>] {
        guard !requests.isEmpty else { return [:] }
        let version = katexVersion()
        var cache = loadCache(version: version)
        var rendered: [Request: Result<String, MathError>] = [:]
        let missing = requests.filter { request in
            guard let html = cache[Self.cacheKey(request)] else { return true }
            rendered[request] = .success(html)
            return false
        }
        guard !missing.isEmpty else { return rendered }
        for (request, result) in try renderWithNode(missing) {
            rendered[request] = result
            if case .success(let html) = result { cache[Self.cacheKey(request)] = html }
        }
        saveCache(cache, version: version)
        return rendered
    }

    private static func cacheKey(_ request: Request) -> String {
        (request.display ? "D:" : "I:") + request.tex
    }

    /// KaTeX's identity for the cache: its script's size and modification time.
    private func katexVersion() -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: katex)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(katex) \(size) \(date)"
    }

    private struct CacheContents: Codable {
        var version: String
        var html: [String: String]
    }

    private func loadCache(version: String) -> [String: String] {
        guard let cacheFile, let data = FileManager.default.contents(atPath: cacheFile.path),
            let contents = try? JSONDecoder().decode(CacheContents.self, from: data),
            contents.version == version
        else { return [:] }
        return contents.html
    }

    private func saveCache(_ html: [String: String], version: String) {
        guard let cacheFile else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(CacheContents(version: version, html: html)) else {
            return
        }
        try? FileManager.default.createDirectory(
            at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: cacheFile, options: .atomic)
    }

    private func renderWithNode(_ requests: [Request]) throws -> [Request: Result<
        String, MathError
    >] {
        guard FileManager.default.fileExists(atPath: katex) else {
            throw LessonError.system(
                "KaTeX is not installed (\(katex)): apt-get install libjs-katex fonts-katex")
        }
        let folder = try ChildProcesses.shared.makeTemporaryFolder(prefix: "lessons-katex")
        defer { ChildProcesses.shared.removeTemporaryFolder(folder) }
        let (script, input, output) = (
            folder.appendingPathComponent("render.js"), folder.appendingPathComponent("in.json"),
            folder.appendingPathComponent("out.json")
        )
        try Data(Self.script.utf8).write(to: script)
        try JSONEncoder().encode(requests).write(to: input)
        let process = Subprocess(
            executable: "/usr/bin/env",
            arguments: [node, script.path, katex, input.path, output.path], timeLimit: 120)
        let result = try process.run()
        guard result.succeeded, let data = try? Data(contentsOf: output) else {
            throw LessonError.system(
                "rendering math with node and KaTeX failed (is node installed?):\n\(result.text)")
        }
        let answers = try JSONDecoder().decode([[String: String]].self, from: data)
        var rendered: [Request: Result<String, MathError>] = [:]
        for (request, answer) in zip(requests, answers) {
            rendered[request] =
                answer["html"].map { .success($0) }
                ?? .failure(MathError(message: answer["error"] ?? "unknown KaTeX error"))
        }
        return rendered
    }
}

/// KaTeX's reason for refusing a formula.
struct MathError: Error, Hashable {
    var message: String
}
