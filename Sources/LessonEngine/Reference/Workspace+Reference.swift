import Foundation

extension Workspace {
    /// The API reference of the libraries, from the symbol graphs of their release build
    /// (built first if it is missing or out of date; a build that is current takes seconds).
    func apiReference() throws -> APIReference {
        _ = try toolchain.buildLibrary()
        return try SymbolGraphExtractor(toolchain: toolchain).reference()
    }
}
