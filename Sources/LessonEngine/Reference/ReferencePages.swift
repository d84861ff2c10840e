import Foundation

/// Renders the API reference into the site's `api/` folder: an index grouping the types by
/// module and by folder, a page per module (its free functions and its types), a page per
/// type and per extended type of another module (declaration, doc, conformances, source
/// file, members, and the blocks that use each), and the library files that declare them
/// (`api/source/…`, highlighted, a line per `#L…`). The pages share the book's layout; its
/// links are made relative to the page's folder.
struct ReferencePages {
    /// A chapter block that uses a symbol.
    struct Use: Sendable, Equatable {
        /// `3.3.1`, or `3.3.1 (2)` for the second block of that section.
        var label: String
        /// The block, relative to the site's root: `03-core.html#block-12`.
        var link: String
    }

    var reference: APIReference
    var layout: PageLayout
    var formulas: FormulaCatalog
    /// The blocks using each symbol, by symbol id, and by type page for the type's members.
    var uses: [String: [Use]] = [:]
    /// The text of each library file that declares a symbol, by path in the repository
    /// (`Sources/…`); a declaration links to its line only if its file is here.
    var sources: [String: String] = [:]

    /// The files that declare the reference's symbols, read from the package at `root`;
    /// a file that cannot be read is left out (its declarations name it without a link).
    static func sources(of reference: APIReference, root: URL) -> [String: String] {
        var sources: [String: String] = [:]
        for file in Set(reference.entries.compactMap { $0.symbol.file }).sorted()
        where SourceFilePage.page(of: file) != nil {
            sources[file] = try? String(
                contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        }
        return sources
    }

    /// The order of the index's groups.
    static let groupOrder = [
        "tensor", "autodiff", "layers", "recurrent", "attention", "optimisers", "data",
        "brain", "figures",
    ]

    /// The blocks of the chapters that use each symbol, keyed as `uses` is.
    static func uses(chapters: [Chapter], linker: CodeLinker) -> [String: [Use]] {
        var uses: [String: [Use]] = [:]
        for chapter in chapters {
            var seen: [String: Int] = [:]
            for block in chapter.blocks where !block.options.hidden {
                let place = block.section ?? chapter.number ?? chapter.id
                seen[place, default: 0] += 1
                let count = seen[place]!
                let use = Use(
                    label: count == 1 ? place : "\(place) (\(count))",
                    link: "\(chapter.id).html#block-\(block.id)")
                let links = linker.links(in: block.code)
                var keys = Set(links.map(\.symbol))
                keys.formUnion(links.map { "page:" + $0.target.split(separator: "#")[0] })
                for key in keys { uses[key, default: []].append(use) }
            }
        }
        return uses
    }

    /// The pages, by path in the site, in a fixed order.
    func files() -> [(name: String, contents: String)] {
        var files = [("api/index.html", page("index.html", title: "API reference", body: index()))]
        for module in reference.modules {
            files.append(
                ("api/\(module.page)", page(module.page, title: module.name, body: body(module))))
            for type in module.types + module.extensions {
                files.append(
                    (
                        "api/\(type.page)",
                        page(
                            type.page, title: "\(type.heading) · \(module.name)", body: body(type))
                    ))
            }
        }
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            guard let name = SourceFilePage.page(of: file) else { continue }
            let body = SourceFilePage(file: file, text: text).body()
            files.append(
                ("api/\(name)", page(name, title: file.split(separator: "/").last!, body: body)))
        }
        return files
    }

    /// The book's layout around `body`, with the layout's links made relative to the page's
    /// folder: `../` from `api/`, `../../../` from `api/source/Brain/`.
    private func page(_ file: String, title: some StringProtocol, body: String) -> String {
        let marker = "\u{1}BODY\u{1}"
        let up = String(repeating: "../", count: file.split(separator: "/").count)
        var shell = layout.page(file: "api/\(file)", title: String(title), body: marker)
        for attribute in ["href=\"", "src=\"", "action=\""] {
            var result = ""
            var rest = Substring(shell)
            while let range = rest.range(of: attribute) {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                if !(rest.hasPrefix("#") || rest.hasPrefix("../") || rest.hasPrefix("http")) {
                    result += up
                }
            }
            shell = result + rest
        }
        return shell.replacingOccurrences(of: marker, with: body)
    }

    private func index() -> String {
        var html = "<h1>API reference</h1>\n<p>The public types and functions of the libraries "
        html += "the chapters import, from the compiler's symbol graphs.</p>\n"
        html += "<h2>By module</h2>\n<ul class=\"api-modules\">\n"
        for module in reference.modules {
            html +=
                "<li><a href=\"\(module.page)\">\(module.name)</a>: "
                + "\(module.types.count) types, \(module.functions.count) functions"
            if !module.extensions.isEmpty {
                html += ", extensions to \(module.extensions.count) types of other modules"
            }
            html += "</li>\n"
        }
        html += "</ul>\n<h2>By folder</h2>\n"
        let groups = Dictionary(grouping: reference.types, by: \.group)
        let names =
            Self.groupOrder.filter { groups[$0] != nil }
            + groups.keys.filter { !Self.groupOrder.contains($0) }.sorted()
        for group in names {
            html += "<h3 id=\"group-\(group)\">\(group)</h3>\n<ul class=\"api-types\">\n"
            for type in groups[group]!.sorted(by: { $0.page < $1.page }) {
                html += "<li>" + typeLink(type) + "</li>\n"
            }
            html += "</ul>\n"
        }
        if !reference.extensions.isEmpty {
            html += "<h2 id=\"extensions\">Extensions to other modules' types</h2>\n"
            html += "<ul class=\"api-types\">\n"
            for type in reference.extensions {
                html += "<li>" + extensionLink(type) + "</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// `Float` (from Swift), by NeuralNet: `exp`, `log`, `pow`, `tanh`.
    private func extensionLink(_ type: APIReference.TypeEntry) -> String {
        var html = "<a href=\"\(HTMLEscaping.escape(type.page))\"><code>"
        html += HTMLEscaping.escape(type.path) + "</code></a> <span class=\"api-kind\">"
        html += "\(type.kindWord) of \(type.extendedModule ?? "")</span>, by "
        html += "\(type.symbol.module): "
        let names = Set(type.members.map(\.baseName)).sorted()
        return html
            + names.map { "<code>\(HTMLEscaping.escape($0))</code>" }
            .joined(separator: ", ")
    }

    private func typeLink(_ type: APIReference.TypeEntry) -> String {
        var html = "<a href=\"\(HTMLEscaping.escape(type.page))\"><code>"
        html += HTMLEscaping.escape(type.path) + "</code></a> <span class=\"api-kind\">"
        html += type.kindWord + "</span>"
        if let summary = type.symbol.summary { html += " — " + HTMLEscaping.escape(summary) }
        return html
    }

    private func body(_ module: APIReference.Module) -> String {
        var html = "<h1>\(module.name)</h1>\n"
        if !module.types.isEmpty {
            html += "<h2>Types</h2>\n<ul class=\"api-types\">\n"
            for type in module.types { html += "<li>" + typeLink(type) + "</li>\n" }
            html += "</ul>\n"
        }
        if !module.extensions.isEmpty {
            html += "<h2>Extensions to other modules' types</h2>\n<ul class=\"api-types\">\n"
            for type in module.extensions { html += "<li>" + extensionLink(type) + "</li>\n" }
            html += "</ul>\n"
        }
        if !module.functions.isEmpty {
            html += "<h2>Functions and variables</h2>\n"
            for function in module.functions { html += member(function) }
        }
        return html
    }

    private func body(_ type: APIReference.TypeEntry) -> String {
        let symbol = type.symbol
        var html = "<p class=\"api-breadcrumb\"><a href=\"index.html\">API reference</a> › "
        html += "<a href=\"\(symbol.module).html\">\(symbol.module)</a></p>\n"
        if let extended = type.extendedModule {
            html += "<h1>Extensions to <code>\(HTMLEscaping.escape(type.path))</code></h1>\n"
            html += "<p>What \(symbol.module) adds to the \(type.kindWord) "
            html += "<code>\(HTMLEscaping.escape(type.path))</code> of \(extended).</p>\n"
            html += declaration(symbol.declaration)
        } else {
            html += "<h1><code>\(HTMLEscaping.escape(type.path))</code></h1>\n"
            html += declaration(symbol.declaration)
            html += documentation(symbol.doc)
        }
        if !type.conformances.isEmpty {
            html += "<p class=\"api-conformances\">Conforms to "
            html +=
                type.conformances.map { "<code>\(HTMLEscaping.escape($0))</code>" }
                .joined(separator: ", ") + ".</p>\n"
        }
        html += source(symbol)
        html += usedIn(uses["page:" + type.page] ?? [])
        let sections: [(String, Set<String>)] = [
            ("Associated types", ["associatedtype"]), ("Initialisers", ["init"]),
            ("Cases", ["enum.case"]),
            ("Properties", ["property", "type.property"]),
            ("Methods", ["method", "type.method", "func.op"]),
            ("Subscripts", ["subscript", "type.subscript"]), ("Type aliases", ["typealias"]),
        ]
        var shown = Set<String>()
        for (heading, kinds) in sections {
            let members = type.members.filter { kinds.contains($0.kind) }
            guard !members.isEmpty else { continue }
            html += "<h2>\(heading)</h2>\n"
            for member in members {
                html += self.member(member)
                shown.insert(member.id)
            }
        }
        let rest = type.members.filter { !shown.contains($0.id) }
        if !rest.isEmpty {
            html += "<h2>Other members</h2>\n"
            for member in rest { html += self.member(member) }
        }
        return html
    }

    private func member(_ symbol: APIReference.Symbol) -> String {
        var html = "<section class=\"api-member\" id=\"\(HTMLEscaping.escape(symbol.anchor))\">\n"
        html += "<h3><code>\(HTMLEscaping.escape(symbol.title))</code></h3>\n"
        html += declaration(symbol.declaration) + documentation(symbol.doc)
        html += source(symbol, short: true)
        html += usedIn(uses[symbol.id] ?? [])
        return html + "</section>\n"
    }

    private func declaration(_ text: String) -> String {
        "<div class=\"code\"><pre class=\"api-declaration\"><code class=\"language-swift\">"
            + SwiftHighlighter.html(text) + "</code></pre></div>\n"
    }

    /// Where the symbol is declared: a link to its line in the published source file, named
    /// by its repository path (by its file name alone for a member, `short`).
    private func source(_ symbol: APIReference.Symbol, short: Bool = false) -> String {
        guard let file = symbol.file else { return "" }
        let line = symbol.line.map { ":\($0)" } ?? ""
        let name = short ? String(file.split(separator: "/").last ?? "") : file
        let code = "<code>" + HTMLEscaping.escape(name + line) + "</code>"
        guard sources[file] != nil, let link = SourceFilePage.link(file: file, line: symbol.line)
        else { return "<p class=\"source-link\">Declared in \(code)</p>\n" }
        return "<p class=\"source-link\">Declared in <a href=\"\(HTMLEscaping.escape(link))\">"
            + code + "</a></p>\n"
    }

    private func usedIn(_ uses: [Use]) -> String {
        guard !uses.isEmpty else { return "" }
        let links = uses.map {
            "<a href=\"../\(HTMLEscaping.escape($0.link))\">\(HTMLEscaping.escape($0.label))</a>"
        }
        return "<p class=\"api-used-in\">Used in \(links.joined(separator: ", ")).</p>\n"
    }

    /// The doc comment rendered as Markdown, with every equation number it cites, `(3.14)`,
    /// linked to the formula in its chapter.
    func documentation(_ doc: String?) -> String {
        guard let doc else {
            return "<p class=\"api-undocumented\">Not documented.</p>\n"
        }
        let html: String
        if let document = try? MarkdownDocument.parse(doc) {
            // Code in a doc gets the page's copy button, as code in a chapter does.
            html = document.html()
                .replacing("<pre><code", with: "<div class=\"code\"><pre><code")
                .replacing("</code></pre>", with: "</code></pre></div>")
        } else {
            html = "<p>\(HTMLEscaping.escape(doc))</p>\n"
        }
        return "<div class=\"api-doc\">\n" + linkEquations(html) + "</div>\n"
    }

    /// `(3.14)` → a link to formula 3.14, outside tags and existing links.
    func linkEquations(_ html: String) -> String {
        let numbers = Dictionary(
            formulas.entries.map { ($0.number, $0.link) }, uniquingKeysWith: { first, _ in first })
        var result = ""
        var rest = Substring(html)
        var inTag = false
        var inLink = false
        while let char = rest.first {
            if char == "<" {
                inTag = true
                if rest.hasPrefix("<a ") { inLink = true }
                if rest.hasPrefix("</a>") { inLink = false }
            } else if char == ">" {
                inTag = false
            } else if char == "(", !inTag, !inLink, let close = rest.firstIndex(of: ")") {
                let number = String(rest[rest.index(after: rest.startIndex)..<close])
                if let link = numbers[number] {
                    result += "<a href=\"../\(HTMLEscaping.escape(link))\">(\(number))</a>"
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            result.append(char)
            rest = rest.dropFirst()
        }
        return result
    }
}
