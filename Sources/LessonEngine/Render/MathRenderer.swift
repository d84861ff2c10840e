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

    /// The HTML for each formula, or KaTeX's message for those it cannot render.
    func render(_ requests: [Request]) throws -> [Request: Result<String, MathError>] {
        guard !requests.isEmpty else { return [:] }
        guard FileManager.default.fileExists(atPath: katex) else {
            throw LessonError.system(
                "KaTeX is not installed (\(katex)): apt-get install libjs-katex fonts-katex")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lessons-katex-\(Marker.makeToken())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
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
