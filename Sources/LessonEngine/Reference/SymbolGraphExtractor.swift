import Foundation
import SymbolKit

/// Asks the compiler for the symbol graphs of the engine's release build of the libraries
/// (`swift symbolgraph-extract` on the modules in `.build-lessons/release/Modules`) and
/// decodes them, the extension graphs (`NeuralNet@Swift.symbols.json`) included. Extracting
/// reads the built modules only, so it takes seconds.
struct SymbolGraphExtractor {
    var toolchain: Toolchain
    /// Another folder for the graphs than the build's own (a test that reads the files).
    var folder: URL? = nil

    /// Where the graphs are kept: one folder per module, replaced on every extraction.
    var outputFolder: URL {
        folder ?? toolchain.scratchPath.appendingPathComponent("symbol-graphs")
    }

    /// The reference of every library the toolchain builds.
    func reference() throws -> APIReference {
        let triple = try targetTriple()
        let manager = FileManager.default
        var graphs: [SymbolGraph] = []
        // Each extraction writes and reads a folder of its own, then puts it in place: two at
        // once (the site's build and a test, two commands) never read each other's half.
        let staging = outputFolder.appendingPathComponent(".extracting-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for library in toolchain.libraries.sorted() {
            let folder = staging.appendingPathComponent(library)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let extract = Subprocess(
                executable: toolchain.swiftCommand,
                arguments: [
                    "symbolgraph-extract", "-module-name", library, "-target", triple,
                    "-I", toolchain.libraryDirectory.appendingPathComponent("Modules").path,
                    "-module-cache-path",
                    toolchain.scratchPath.appendingPathComponent("module-cache").path,
                    "-minimum-access-level", "public", "-skip-synthesized-members",
                    "-output-dir", folder.path,
                ],
                workingDirectory: toolchain.root.path, timeLimit: 5 * 60)
            let result = try extract.run()
            guard result.succeeded else {
                throw LessonError.system(
                    "extracting the symbol graph of \(library) failed:\n\(result.text)")
            }
            // `NeuralNet.symbols.json`, and one `NeuralNet@Swift.symbols.json` for what the
            // library adds to each other module's types.
            let names = try manager.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".symbols.json") }.sorted()
            for name in names {
                let file = folder.appendingPathComponent(name)
                do {
                    graphs.append(
                        try JSONDecoder().decode(SymbolGraph.self, from: Data(contentsOf: file)))
                } catch {
                    throw LessonError.system(
                        "\(file.path): cannot read the symbol graph: \(error)")
                }
            }
            let kept = outputFolder.appendingPathComponent(library)
            try? manager.removeItem(at: kept)
            try? manager.moveItem(at: folder, to: kept)
        }
        return APIReference(graphs: graphs, root: toolchain.root.standardizedFileURL.path)
    }

    /// The compiler's target triple, e.g. `x86_64-unknown-linux-gnu`.
    private func targetTriple() throws -> String {
        let info = Subprocess(
            executable: toolchain.compilerCommand, arguments: ["-print-target-info"],
            timeLimit: 60)
        let result = try info.run()
        struct Info: Decodable {
            struct Target: Decodable { var triple: String }
            var target: Target
        }
        guard result.succeeded,
            let parsed = try? JSONDecoder().decode(Info.self, from: Data(result.output))
        else {
            throw LessonError.system("swiftc -print-target-info failed:\n\(result.text)")
        }
        return parsed.target.triple
    }
}
