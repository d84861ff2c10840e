import Foundation

/// What, besides a chapter's own code, can change what its programs print: the engine, the
/// Swift toolchain, the library's sources, and the run's limits. Read once per command.
public struct CacheContext: Sendable {
    /// Bumped when the engine changes what it runs or records.
    static let engineVersion = "lessons-engine-3"

    var toolchainVersion: String
    var librarySources: String
    var timeLimit: Double
    var outputLimit: Int
    var root: URL

    /// Reads the toolchain's version and hashes the library's sources.
    static func make(toolchain: Toolchain, timeLimit: Double, outputLimit: Int) throws
        -> CacheContext
    {
        let version = try Subprocess(
            executable: toolchain.compilerCommand, arguments: ["--version"]
        ).run()
        return CacheContext(
            toolchainVersion: version.text,
            librarySources: try hashSources(root: toolchain.root, libraries: toolchain.libraries),
            timeLimit: timeLimit, outputLimit: outputLimit, root: toolchain.root)
    }

    /// A hash of every file of the libraries chapter programs link, and of `Package.swift`.
    static func hashSources(root: URL, libraries: [String] = Toolchain.defaultLibraries) throws
        -> String
    {
        var hasher = SHA256()
        let manager = FileManager.default
        var files = ["Package.swift"]
        for module in libraries {
            let folder = "Sources/\(module)"
            let enumerator = manager.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String {
                files.append("\(folder)/\(path)")
            }
        }
        for file in files.sorted() {
            var isFolder: ObjCBool = false
            let url = root.appendingPathComponent(file)
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            hasher.update(field: file)
            hasher.update(try Data(contentsOf: url))
            hasher.update([0])
        }
        return hasher.finish()
    }

    /// The key of a chapter's run: a hash of all the above and of every runnable block's code
    /// and options, and of the data files they declare. Prose, expected outputs and line
    /// numbers are not part of it, so editing them never re-runs code.
    func key(for chapter: Chapter) throws -> String {
        var hasher = SHA256()
        for field in [
            Self.engineVersion, ProgramSource(blocks: []).text, toolchainVersion, librarySources,
            Toolchain.cpuArguments().joined(separator: " "),
            "\(timeLimit)", "\(outputLimit)", chapter.file,
        ] {
            hasher.update(field: field)
        }
        for block in chapter.blocks where block.runs {
            let options = block.options
            hasher.update(
                field: "\(block.id) \(options.hidden) \(options.fails) \(options.isolated)")
            hasher.update(field: block.code)
            for path in options.reads {
                hasher.update(field: path)
                let url = root.appendingPathComponent(path)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw LessonError.source(
                        file: chapter.file, line: block.startLine,
                        message:
                            "reads=\(path): no such file (paths are relative to the book's root)")
                }
                hasher.update(data)
                hasher.update([0])
            }
        }
        return hasher.finish()
    }
}
