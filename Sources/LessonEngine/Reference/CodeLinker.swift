import SwiftParser
import SwiftSyntax

/// A link from a name in a code block to its reference entry.
struct CodeLink: Sendable, Equatable {
    /// The name's UTF-8 range in the block's code.
    var start: Int
    var end: Int
    /// The page and anchor, relative to the site's `api/` folder (`LSTMCell.html#…`).
    var target: String
    /// The declaration and the first sentence of its doc, for the hover.
    var title: String
    /// The symbol's id, to list the blocks that use it.
    var symbol: String
}

/// Finds the names in a block of Swift that resolve to public symbols of the libraries.
///
/// Resolution uses the syntax only, as the highlighter's classification does: a type name
/// links to its page; `Type(label: …)` to the initialiser whose labels match; `f(…)` to a
/// free function; `x.name(label: …)` to the member of that name and labels if only one
/// type declares it (or `Type.name` names the type). Overloads that the labels cannot tell
/// apart are not linked to either one: a call of an initialiser links to the type instead.
///
/// A member a library adds to another module's type links only when that type is named,
/// `Double.exp(x)`; `Double` itself is not linked. A member of some other capitalised name,
/// a module or a type the libraries do not declare (`Foundation.exp(x)`), is not linked;
/// `NeuralNet.relu(x)` is the free function.
struct CodeLinker: Sendable {
    private var typesByName: [String: [APIReference.TypeEntry]] = [:]
    /// The extensions of other modules' types, by the type's last name (`Float`).
    private var extensionsByName: [String: [APIReference.TypeEntry]] = [:]
    /// The libraries' functions, by module.
    private var modules: [String: [APIReference.Symbol]] = [:]
    private var functionsByName: [String: [APIReference.Symbol]] = [:]
    private var membersByName:
        [String: [(type: APIReference.TypeEntry, member: APIReference.Symbol)]] = [:]

    init(reference: APIReference) {
        for module in reference.modules {
            for type in module.types {
                typesByName[
                    type.path.split(separator: ".").last.map(String.init) ?? type.path, default: []
                ]
                .append(type)
                for member in type.members {
                    membersByName[member.baseName, default: []].append((type, member))
                }
            }
            for function in module.functions {
                functionsByName[function.baseName, default: []].append(function)
            }
            for type in module.extensions {
                extensionsByName[
                    type.path.split(separator: ".").last.map(String.init) ?? type.path, default: []
                ]
                .append(type)
                for member in type.members {
                    membersByName[member.baseName, default: []].append((type, member))
                }
            }
            modules[module.name] = module.functions
        }
    }

    /// The links in a block's code, in source order.
    func links(in code: String) -> [CodeLink] {
        let tree = Parser.parse(source: code)
        let visitor = Visitor(linker: self)
        visitor.walk(tree)
        return visitor.links.sorted { $0.start < $1.start }
    }

    /// The one type of that name, if the name is not ambiguous.
    func type(named name: String) -> APIReference.TypeEntry? {
        guard let types = typesByName[name], types.count == 1 else { return nil }
        return types[0]
    }

    /// The one candidate whose labels the call's labels fit: an exact match first, then one
    /// whose labels the call's are a subsequence of (the rest have defaults).
    static func resolve(_ candidates: [APIReference.Symbol], labels: [String]?)
        -> APIReference.Symbol?
    {
        guard let labels else { return candidates.count == 1 ? candidates[0] : nil }
        let exact = candidates.filter { $0.labels == labels }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { return nil }
        let fitting = candidates.filter { candidate in
            guard let own = candidate.labels else { return false }
            var rest = own[...]
            for label in labels {
                guard let found = rest.firstIndex(of: label) else { return false }
                rest = rest[rest.index(after: found)...]
            }
            return true
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    func link(type: APIReference.TypeEntry, member: APIReference.Symbol?, token: TokenSyntax)
        -> CodeLink
    {
        let symbol = member ?? type.symbol
        let anchor = member.map { "#\($0.anchor)" } ?? ""
        return CodeLink(
            start: token.positionAfterSkippingLeadingTrivia.utf8Offset,
            end: token.endPositionBeforeTrailingTrivia.utf8Offset,
            target: type.page + anchor, title: Self.hover(symbol), symbol: symbol.id)
    }

    func link(function: APIReference.Symbol, token: TokenSyntax) -> CodeLink {
        CodeLink(
            start: token.positionAfterSkippingLeadingTrivia.utf8Offset,
            end: token.endPositionBeforeTrailingTrivia.utf8Offset,
            target: "\(function.module).html#\(function.anchor)", title: Self.hover(function),
            symbol: function.id)
    }

    static func hover(_ symbol: APIReference.Symbol) -> String {
        [symbol.declaration, symbol.summary].compactMap { $0 }.joined(separator: "\n")
    }

    private final class Visitor: SyntaxVisitor {
        let linker: CodeLinker
        var links: [CodeLink] = []

        init(linker: CodeLinker) {
            self.linker = linker
            super.init(viewMode: .sourceAccurate)
        }

        /// The argument labels of the call whose callee is `node`, or nil if it is not one.
        private func callLabels(of node: some SyntaxProtocol) -> [String]? {
            guard let call = node.parent?.as(FunctionCallExprSyntax.self),
                call.calledExpression.id == node.id
            else { return nil }
            var labels = call.arguments.map { $0.label?.text ?? "_" }
            if call.trailingClosure != nil { labels.append("_") }
            return labels
        }

        override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
            if let type = linker.type(named: node.name.text) {
                links.append(linker.link(type: type, member: nil, token: node.name))
            }
            return .visitChildren
        }

        override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
            let name = node.baseName.text
            if let access = node.parent?.as(MemberAccessExprSyntax.self),
                access.declName.id == node.id
            {
                member(name, access: access, token: node.baseName)
                return .visitChildren
            }
            // `LSTMCell<Double>(…)`: the call's callee is the specialisation.
            let labels =
                node.parent?.as(GenericSpecializationExprSyntax.self).map { callLabels(of: $0) }
                ?? callLabels(of: node)
            if let type = linker.type(named: name) {
                var member: APIReference.Symbol?
                if labels != nil {
                    member = CodeLinker.resolve(
                        type.members.filter { $0.kind == "init" }, labels: labels)
                }
                links.append(linker.link(type: type, member: member, token: node.baseName))
            } else if let functions = linker.functionsByName[name],
                let function = CodeLinker.resolve(functions, labels: labels)
            {
                links.append(linker.link(function: function, token: node.baseName))
            }
            return .visitChildren
        }

        private func member(_ name: String, access: MemberAccessExprSyntax, token: TokenSyntax) {
            let labels = callLabels(of: access)
            var candidates = linker.membersByName[name] ?? []
            let base = access.base?.as(DeclReferenceExprSyntax.self)?.baseName.text
            if let base, let type = linker.type(named: base) {
                candidates = candidates.filter { $0.type.page == type.page }
            } else if let base, let extensions = linker.extensionsByName[base] {
                let pages = Set(extensions.map(\.page))
                candidates = candidates.filter { pages.contains($0.type.page) }
            } else if let base, let functions = linker.modules[base] {
                // `NeuralNet.relu(x)`: the module's free function.
                if let function = CodeLinker.resolve(
                    functions.filter { $0.baseName == name }, labels: labels)
                {
                    links.append(linker.link(function: function, token: token))
                }
                return
            } else if let base, base.first?.isUppercase == true {
                // `Foundation.exp(x)`: a module or a type the libraries do not declare.
                return
            } else if labels == nil {
                // `x.count` could be any type's property: without the type, no link.
                return
            }
            if name == "init", labels != nil {
                candidates = candidates.filter { $0.member.kind == "init" }
            }
            guard
                let member = CodeLinker.resolve(candidates.map(\.member), labels: labels),
                let owner = candidates.first(where: { $0.member.id == member.id })
            else { return }
            links.append(linker.link(type: owner.type, member: member, token: token))
        }
    }
}
