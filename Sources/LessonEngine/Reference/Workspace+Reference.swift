import Foundation

extension Workspace {
    /// The API reference of the libraries, from the symbol graphs of their release build
    /// (built first if it is missing or out of date; a build that is current takes seconds).
    /// Nil when the toolchain's root is no Swift package (a book without the libraries).
    func apiReference() throws -> APIReference? {
        let manifest = toolchain.root.appendingPathComponent("Package.swift")
        guard FileManager.default.fileExists(atPath: manifest.path) else { return nil }
        _ = try toolchain.buildLibrary()
        return try SymbolGraphExtractor(toolchain: toolchain).reference()
    }
}
