import Foundation

/// A stand-in for `swiftc` that dies, the way a killed compiler does, for its first calls, and
/// then hands the rest to the real compiler; it counts its calls.
struct FakeCompiler {
    let folder: URL
    var path: String { folder.appendingPathComponent("swiftc").path }

    init(diesFirst deaths: Int) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("fake-compiler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            echo call >> "\(folder.path)/calls"
            if [ "$(wc -l < "\(folder.path)/calls")" -le \(deaths) ]; then
                echo "error: unable to execute command: Killed"
                exit 1
            fi
            exec swiftc "$@"

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// How many times it was called.
    func calls() throws -> Int {
        let text = try String(
            contentsOf: folder.appendingPathComponent("calls"), encoding: .utf8)
        return text.split(separator: "\n").count
    }
}
