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
        /// For the members a library adds to another module's type (`extension Float`), that
        /// module (`Swift`); nil for the library's own types.
        var extendedModule: String? = nil

        /// The page, relative to the site's `api/` folder: `NeuralNet.LSTMCell.html`, or
        /// `NeuralNet.extension.Swift.Float.html` for an extension (`extension` is a keyword,
        /// so no type of the library has that path).
        var page: String {
            guard let extendedModule else { return "\(symbol.module).\(path).html" }
            return "\(symbol.module).extension.\(extendedModule).\(path).html"
        }

        /// The heading of its page: `LSTMCell`, or `Extensions to Float`.
        var heading: String { extendedModule == nil ? path : "Extensions to \(path)" }
    }

    /// A library and what it declares.
    struct Module: Sendable, Equatable {
        var name: String
        var types: [TypeEntry]
        /// Free functions, variables and operators.
        var functions: [Symbol]
        /// The members it adds to other modules' types, one entry per extended type, by path.
        var extensions: [TypeEntry] = []

        var page: String { "\(name).html" }
    }

    var modules: [Module]

    /// Every type of every module.
    var types: [TypeEntry] { modules.flatMap(\.types) }

    /// Every extension of another module's type, of every module.
    var extensions: [TypeEntry] { modules.flatMap(\.extensions) }

    /// Every documented symbol with its page and anchor in it (nil for a type's own page),
    /// relative to `api/`: types, their members, free functions, extension members.
    var entries: [(symbol: Symbol, page: String, anchor: String?)] {
        modules.flatMap { module in
            module.functions.map { ($0, module.page, Optional($0.anchor)) }
                + module.types.flatMap { type in
                    [(type.symbol, type.page, nil)]
                        + type.members.map { ($0, type.page, Optional($0.anchor)) }
                }
                + module.extensions.flatMap { type in
                    type.members.map { ($0, type.page, Optional($0.anchor)) }
                }
        }
    }

    /// The kinds that get a page of their own.
    static let typeKinds: [String: String] = [
        "struct": "struct", "class": "class", "enum": "enum", "protocol": "protocol",
        "typealias": "typealias",
    ]

    /// The reference of the decoded graphs: a module's own graph and its extension graphs
    /// (`NeuralNet@Swift`, what it adds to the standard library's types) make one module.
    /// `root` is stripped from source paths so that no absolute path reaches a page.
    init(graphs: [SymbolGraph], root: String) {
        let byModule = Dictionary(grouping: graphs, by: \.module.name)
        modules = byModule.keys.sorted().map { Self.module(byModule[$0]!, root: root) }
    }

    init(modules: [Module]) { self.modules = modules }

    private static func module(_ graphs: [SymbolGraph], root: String) -> Module {
        let name = graphs[0].module.name
        var declared: [String: SymbolGraph.Symbol] = [:]
        for graph in graphs { declared.merge(graph.symbols) { first, _ in first } }
        let relationships = graphs.flatMap(\.relationships)
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
        let raws = declared.values.filter {
            $0.accessLevel.rawValue == "public" || $0.accessLevel.rawValue == "open"
        }
        var parents: [String: String] = [:]
        var conformances: [String: [String]] = [:]
        // What the library adds to another module's type: its conformances to the library's
        // protocols (`Float: TensorScalar`), by the type's id.
        var addedConformances: [String: [String]] = [:]
        for relation in relationships {
            switch relation.kind {
            case .memberOf, .requirementOf, .optionalRequirementOf:
                parents[relation.source] = relation.target
            case .conformsTo, .inheritsFrom:
                let target =
                    declared[relation.target]?.names.title ?? relation.targetFallback
                    ?? relation.target
                conformances[relation.source, default: []].append(target)
                if declared[relation.source] == nil, let own = declared[relation.target] {
                    addedConformances[relation.source, default: []].append(own.names.title)
                }
            default: break
            }
        }
        var types: [TypeEntry] = []
        var functions: [Symbol] = []
        var membersOf: [String: [Symbol]] = [:]
        // A protocol extension's member has no `memberOf`: its path names its type.
        var pathsOf: [String: [Symbol]] = [:]
        // Members of other modules' types, by `Module.Path` of the type.
        var extended: [String: (module: String, path: String, kind: String, id: String?)] = [:]
        var extensionMembers: [String: [Symbol]] = [:]
        for raw in raws {
            let entry = symbol(raw)
            let mixin =
                raw.mixins[SymbolGraph.Symbol.Swift.Extension.mixinKey]
                as? SymbolGraph.Symbol.Swift.Extension
            if let mixin, mixin.extendedModule != name, raw.pathComponents.count > 1 {
                let path = raw.pathComponents.dropLast().joined(separator: ".")
                let key = "\(mixin.extendedModule).\(path)"
                let kind = mixin.typeKind.flatMap { typeKinds[$0.identifier] } ?? "type"
                let parent = parents[entry.id].flatMap { declared[$0] == nil ? $0 : nil }
                extended[key] = (mixin.extendedModule, path, kind, parent ?? extended[key]?.id)
                extensionMembers[key, default: []].append(entry)
                continue
            }
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
        let extensions = extended.keys.sorted().map { key in
            let (module, path, kind, id) = extended[key]!
            let members = anchored(extensionMembers[key]!)
            let added = Array(Set(id.flatMap { addedConformances[$0] } ?? [])).sorted()
            // Its place is where the first of its members is declared.
            let first = members.min {
                ($0.file ?? "", $0.line ?? 0) < ($1.file ?? "", $1.line ?? 0)
            }
            let declaration =
                "extension \(path)" + (added.isEmpty ? "" : ": " + added.joined(separator: ", "))
            return TypeEntry(
                symbol: Symbol(
                    id: id ?? "extension:\(key)", module: name, kind: "extension", title: path,
                    declaration: declaration, doc: nil, file: first?.file, line: first?.line),
                path: path, kindWord: kind, members: members, conformances: added,
                group: group(module: name, file: first?.file), extendedModule: module)
        }
        return Module(
            name: name, types: types, functions: anchored(functions), extensions: extensions)
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
