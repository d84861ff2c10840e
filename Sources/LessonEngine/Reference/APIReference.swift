import Foundation
import SymbolKit

/// The public API of the bundled libraries, read from the compiler's symbol graphs: every
/// public type with its members, and every free function, variable and operator, sorted so
/// that two reads of the same graphs give the same reference.
struct APIReference: Sendable, Equatable {
    /// A documented declaration: a member of a type, or a free function or variable.
    struct Symbol: Sendable, Equatable {
        /// The compiler's unique identifier (its mangled name).
        var id: String
        /// The module that declares it.
        var module: String
        /// The symbol-graph kind, e.g. `init`, `method`, `property`, `func`.
        var kind: String
        /// The name as Swift spells it, with argument labels: `init(inputWeight:bias:)`.
        var title: String
        /// The declaration as the compiler prints it.
        var declaration: String
        /// The `///` comment, as Markdown; nil if it has none.
        var doc: String?
        /// The source file, relative to the package root (`Sources/…`), if known.
        var file: String?
        var line: Int?
        /// Its id in its page: unique within the page.
        var anchor = ""

        /// The name without labels: `init`, `forward`, `+`.
        var baseName: String {
            title.firstIndex(of: "(").map { String(title[..<$0]) } ?? title
        }

        /// The argument labels of a function (`_` for none); nil for a property.
        var labels: [String]? {
            guard let open = title.firstIndex(of: "("), title.hasSuffix(")") else { return nil }
            let inner = title[title.index(after: open)..<title.index(before: title.endIndex)]
            return inner.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        }

        /// The doc comment's first sentence, as plain text.
        var summary: String? {
            guard let doc else { return nil }
            let paragraph = doc.components(separatedBy: "\n\n")[0]
                .replacingOccurrences(of: "\n", with: " ")
            guard let end = paragraph.range(of: ". ") else { return paragraph }
            return String(paragraph[..<end.lowerBound]) + "."
        }
    }

    /// A public type and its members.
    struct TypeEntry: Sendable, Equatable {
        var symbol: Symbol
        /// Its path within the module: `LSTMCell`, `Tensor.Shape`.
        var path: String
        /// `struct`, `class`, `enum`, `protocol`, `typealias`.
        var kindWord: String
        var members: [Symbol]
        /// The protocols it conforms to and the classes it inherits from, by name.
        var conformances: [String]
        /// The group the index lists it under (tensor, layers, recurrent, …, brain, figures).
        var group: String

        /// The page, relative to the site's `api/` folder.
        var page: String { "\(symbol.module).\(path).html" }
    }

    /// A library and what it declares.
    struct Module: Sendable, Equatable {
        var name: String
        var types: [TypeEntry]
        /// Free functions, variables and operators.
        var functions: [Symbol]

        var page: String { "\(name).html" }
    }

    var modules: [Module]

    /// Every type of every module.
    var types: [TypeEntry] { modules.flatMap(\.types) }

    /// The kinds that get a page of their own.
    static let typeKinds: [String: String] = [
        "struct": "struct", "class": "class", "enum": "enum", "protocol": "protocol",
        "typealias": "typealias",
    ]

    /// The reference of the decoded graphs, one per module; `root` is stripped from source
    /// paths so that no absolute path reaches a page.
    init(graphs: [SymbolGraph], root: String) {
        var modules: [Module] = []
        for graph in graphs.sorted(by: { $0.module.name < $1.module.name }) {
            modules.append(Self.module(graph, root: root))
        }
        self.modules = modules
    }

    init(modules: [Module]) { self.modules = modules }

    private static func module(_ graph: SymbolGraph, root: String) -> Module {
        let name = graph.module.name
        let prefix = root.hasSuffix("/") ? root : root + "/"
        func symbol(_ raw: SymbolGraph.Symbol) -> Symbol {
            let fragments =
                raw.mixins[SymbolGraph.Symbol.DeclarationFragments.mixinKey]
                as? SymbolGraph.Symbol.DeclarationFragments
            let location =
                raw.mixins[SymbolGraph.Symbol.Location.mixinKey] as? SymbolGraph.Symbol.Location
            var file = location?.url?.path
            if let path = file, let start = path.range(of: prefix) {
                file = String(path[start.upperBound...])
            } else if let path = file, let start = path.range(of: "/Sources/") {
                file = "Sources/" + path[start.upperBound...]
            }
            let doc = raw.docComment.map { $0.lines.map(\.text).joined(separator: "\n") }
            return Symbol(
                id: raw.identifier.precise, module: name, kind: raw.kind.identifier.identifier,
                title: raw.names.title,
                declaration: fragments?.declarationFragments.map(\.spelling).joined() ?? "",
                doc: doc.flatMap {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0
                },
                file: file, line: location.map { $0.position.line + 1 })
        }
        let raws = graph.symbols.values.filter {
            $0.accessLevel.rawValue == "public" || $0.accessLevel.rawValue == "open"
        }
        var parents: [String: String] = [:]
        var conformances: [String: [String]] = [:]
        for relation in graph.relationships {
            switch relation.kind {
            case .memberOf, .requirementOf, .optionalRequirementOf:
                parents[relation.source] = relation.target
            case .conformsTo, .inheritsFrom:
                let target =
                    graph.symbols[relation.target]?.names.title ?? relation.targetFallback
                    ?? relation.target
                conformances[relation.source, default: []].append(target)
            default: break
            }
        }
        var types: [TypeEntry] = []
        var functions: [Symbol] = []
        var membersOf: [String: [Symbol]] = [:]
        // A protocol extension's member has no `memberOf`: its path names its type.
        var pathsOf: [String: [Symbol]] = [:]
        for raw in raws {
            let entry = symbol(raw)
            let nestedAlias =
                raw.kind.identifier == .typealias && raw.pathComponents.count > 1
            if let kindWord = typeKinds[raw.kind.identifier.identifier], !nestedAlias {
                types.append(
                    TypeEntry(
                        symbol: entry, path: raw.pathComponents.joined(separator: "."),
                        kindWord: kindWord, members: [],
                        conformances: Array(Set(conformances[entry.id] ?? [])).sorted(),
                        group: group(module: name, file: entry.file)))
            } else if let parent = parents[entry.id] {
                membersOf[parent, default: []].append(entry)
            } else if raw.pathComponents.count > 1 {
                pathsOf[raw.pathComponents.dropLast().joined(separator: "."), default: []]
                    .append(entry)
            } else if raw.pathComponents.count == 1 {
                functions.append(entry)
            }
        }
        for index in types.indices {
            types[index].members = anchored(
                (membersOf[types[index].symbol.id] ?? []) + (pathsOf[types[index].path] ?? []))
        }
        types.sort { $0.path < $1.path }
        return Module(name: name, types: types, functions: anchored(functions))
    }

    /// Sorts symbols by title, then declaration, and gives each a unique anchor.
    static func anchored(_ symbols: [Symbol]) -> [Symbol] {
        var sorted = symbols.sorted {
            ($0.title, $0.declaration, $0.id) < ($1.title, $1.declaration, $1.id)
        }
        var used: [String: Int] = [:]
        for index in sorted.indices {
            let base = anchor(for: sorted[index].title)
            let count = used[base, default: 0]
            used[base] = count + 1
            sorted[index].anchor = count == 0 ? base : "\(base)-\(count + 1)"
        }
        return sorted
    }

    /// `init(inputWeight:bias:)` → `init-inputWeight-bias`; operators keep their characters'
    /// code points.
    static func anchor(for title: String) -> String {
        var result = ""
        for scalar in title.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "(" || scalar == ":" {
                if !result.hasSuffix("-") { result += "-" }
            } else if scalar != ")" {
                result += "u\(String(scalar.value, radix: 16))"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return "symbol-" + result
    }

    /// The index group of a type: the module for Brain and Figures; for NeuralNet the folder
    /// under `Sources/NeuralNet` (`recurrent` and `attention` apart from the other layers).
    static func group(module: String, file: String?) -> String {
        guard module == "NeuralNet" else { return module.lowercased() }
        let parts = (file ?? "").split(separator: "/").map(String.init)
        guard parts.count > 3, parts[0] == "Sources", parts[1] == "NeuralNet" else {
            return "core"
        }
        var folder = parts[2]
        if folder == "Layers", parts.count > 4, ["Recurrent", "Attention"].contains(parts[3]) {
            folder = parts[3]
        }
        switch folder {
        case "Optimizers": return "optimisers"
        case "Datasets": return "data"
        default: return folder.lowercased()
        }
    }
}
