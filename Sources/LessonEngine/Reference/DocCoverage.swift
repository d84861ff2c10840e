/// The share of each library's public symbols (types, their members, free functions, the
/// members it adds to other modules' types) that have a `///` comment, and the ones that
/// have none.
public struct DocCoverage: Sendable, Equatable {
    public struct Library: Sendable, Equatable {
        public var name: String
        public var documented: Int
        public var total: Int
        /// `Type.member` or `function`, with its file and line, sorted.
        public var undocumented: [String]

        public var percent: Double { total == 0 ? 100 : Double(documented) * 100 / Double(total) }
        public var complete: Bool { documented == total }
    }

    public var libraries: [Library]

    public var complete: Bool { libraries.allSatisfy(\.complete) }

    init(_ reference: APIReference) {
        libraries = reference.modules.map { module in
            var symbols: [(String, APIReference.Symbol)] = module.functions.map { ($0.title, $0) }
            for type in module.types {
                symbols.append((type.path, type.symbol))
                symbols += type.members.map { ("\(type.path).\($0.title)", $0) }
            }
            // What it adds to other modules' types: `Float.exp(_:)`.
            for type in module.extensions {
                symbols += type.members.map { ("\(type.path).\($0.title)", $0) }
            }
            // `$isEnabled`, a property wrapper's projection, is documented by its property.
            symbols.removeAll { $0.1.baseName.hasPrefix("$") }
            let missing = symbols.filter { $0.1.doc == nil }.map { name, symbol in
                let place = symbol.file.map { " (\($0)\(symbol.line.map { ":\($0)" } ?? ""))" }
                return name + (place ?? "")
            }
            return Library(
                name: module.name, documented: symbols.count - missing.count,
                total: symbols.count, undocumented: missing.sorted())
        }
    }

    /// One line per library, then every undocumented symbol of the incomplete ones.
    public var report: String {
        var text = "Documentation coverage of public symbols:\n"
        for library in libraries {
            let percent = (library.percent * 10).rounded(.down) / 10
            text += "  \(library.name): \(library.documented)/\(library.total) (\(percent) %)\n"
        }
        for library in libraries where !library.complete {
            text += "Undocumented in \(library.name):\n"
            for name in library.undocumented { text += "  \(name)\n" }
        }
        return text
    }
}

extension Workspace {
    /// The documentation coverage of the libraries' public API.
    public func docCoverage() throws -> DocCoverage {
        DocCoverage(try apiReference() ?? APIReference(modules: []))
    }
}
