import Foundation

/// The notebook's fast path: the blocks above an edited last block compiled once as a program
/// that exports its module, and the edited block compiled alone as a library it loads.
extension Toolchain {
    /// Where compiled prefix programs are kept, one folder per key.
    var prefixCacheDirectory: URL { scratchPath.appendingPathComponent("notebook-prefixes") }

    /// The prefix program for `program` (which must load the block library): taken from the
    /// cache when an identical one was compiled against the same libraries, compiled (and kept)
    /// otherwise. Nil when it does not compile.
    func prefixProgram(_ program: ProgramSource) throws -> CompiledPrefix? {
        var hasher = SHA256()
        hasher.update(field: program.text)
        hasher.update(
            field: (compileArguments(
                source: URL(fileURLWithPath: "/"),
                executable: URL(fileURLWithPath: "/")) + [compilerCommand]).joined(separator: " "))
        for library in libraries {
            let file = libraryDirectory.appendingPathComponent("lib\(library).so")
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hasher.update(field: "\(library) \(date) \(attributes?[.size] as? Int ?? -1)")
        }
        let folder = prefixCacheDirectory.appendingPathComponent(hasher.finish())
        let executable = folder.appendingPathComponent("prefix")
        // One compile of a prefix at a time in this process: a Run waits for the one the
        // notebook started when the page opened, then finds it kept.
        PrefixCompiles.shared.begin(folder.path)
        defer { PrefixCompiles.shared.end(folder.path) }
        if FileManager.default.isExecutableFile(atPath: executable.path) {
            return CompiledPrefix(folder: folder, executable: executable, seconds: 0, reused: true)
        }
        let building = prefixCacheDirectory.appendingPathComponent("building-\(Marker.makeToken())")
        try FileManager.default.createDirectory(at: building, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: building) }
        let compilation = try compile(
            program, in: building, name: "prefix",
            extraArguments: [
                "-emit-executable", "-enable-testing", "-emit-module", "-emit-module-path",
                building.appendingPathComponent("\(BlockLibrarySource.prefixModule).swiftmodule")
                    .path,
                "-Xlinker", "--export-dynamic", "-module-name", BlockLibrarySource.prefixModule,
            ])
        guard compilation.executable != nil else { return nil }
        // Another run may have stored the same prefix meanwhile: either copy will do.
        // rename(2) is atomic, and fails when the folder is there already: kept by another
        // run meanwhile (either copy will do), or left incomplete (then it is replaced).
        if rename(building.path, folder.path) != 0,
            !FileManager.default.isExecutableFile(atPath: executable.path)
        {
            try? FileManager.default.removeItem(at: folder)
            guard rename(building.path, folder.path) == 0 else { return nil }
        }
        trimPrefixCache(keeping: folder)
        return CompiledPrefix(
            folder: folder, executable: executable, seconds: compilation.seconds, reused: false)
    }

    /// Compiles an edited block as a library against a prefix program's module.
    func compileBlockLibrary(_ source: BlockLibrarySource, prefix: CompiledPrefix, in folder: URL)
        throws -> Compilation
    {
        try compile(
            source.text, in: folder, name: "block\(source.block.id)",
            output: folder.appendingPathComponent("libblock\(source.block.id).so"),
            extraArguments: [
                "-I", prefix.folder.path, "-emit-library", "-parse-as-library",
                "-module-name", "LessonsEditedBlock",
            ])
    }

    /// Keeps the newest prefixes (a chapter's, for a few edited blocks) and removes the rest.
    private func trimPrefixCache(keeping newest: URL, count: Int = 12) {
        let manager = FileManager.default
        let entries =
            (try? manager.contentsOfDirectory(
                at: prefixCacheDirectory, includingPropertiesForKeys: [.contentModificationDateKey]
            )) ?? []
        let stored = entries.filter { !$0.lastPathComponent.hasPrefix("building-") }
        guard stored.count > count else { return }
        func date(_ url: URL) -> Date {
            (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?
                .contentModificationDate ?? .distantPast
        }
        for old in stored.sorted(by: { date($0) > date($1) }).dropFirst(count)
        where old.lastPathComponent != newest.lastPathComponent {
            try? manager.removeItem(at: old)
        }
    }
}

/// A compiled prefix program and the module an edited block's library imports.
struct CompiledPrefix: Sendable {
    var folder: URL
    var executable: URL
    var seconds: Double
    /// True when it came from the cache.
    var reused: Bool
}

/// The prefixes being compiled in this process, so that two threads never compile one twice.
private final class PrefixCompiles: @unchecked Sendable {
    static let shared = PrefixCompiles()
    private let condition = NSCondition()
    private var keys: Set<String> = []

    func begin(_ key: String) {
        condition.withLock {
            while keys.contains(key) { condition.wait() }
            keys.insert(key)
        }
    }

    func end(_ key: String) {
        condition.withLock {
            _ = keys.remove(key)
            condition.broadcast()
        }
    }
}
