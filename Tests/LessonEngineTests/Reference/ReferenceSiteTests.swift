import Foundation
import SymbolKit
import Testing

@testable import LessonEngine

/// The reference the real build makes: a page for every public type, links from the chapters.
@Suite struct ReferenceSiteTests {
    static let reference = Result {
        try SymbolGraphExtractor(toolchain: TestPackage.toolchain()).reference()
    }

    func page(_ name: String) throws -> String {
        try String(
            contentsOf: BuiltSite.folder().appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everyPublicTypeAndMemberHasAPageAndAnAnchor() throws {
        let reference = try Self.reference.get()
        #expect(reference.modules.map(\.name) == ["Brain", "Figures", "NeuralNet"])
        #expect(reference.types.count > 50)
        // A protocol's requirements and its extension's methods are on its page.
        let cell = try #require(reference.types.first { $0.path == "RecurrentCell" })
        #expect(cell.members.contains { $0.title == "zeroState(batchSize:)" })
        let layer = try #require(reference.types.first { $0.path == "Layer" })
        #expect(layer.members.contains { $0.title == "callAsFunction(_:)" })
        // `GANTrainer.Scalar` is a member of its type's page, not a type with a page.
        let nestedAliases = reference.types.filter {
            $0.kindWord == "typealias" && $0.path.contains(".")
        }
        #expect(nestedAliases.isEmpty, "\(nestedAliases.map(\.path))")
        #expect(
            reference.types.first { $0.path == "GANTrainer" }?.members.contains {
                $0.kind == "typealias"
            } == true)
        for module in reference.modules {
            let modulePage = try page("api/\(module.page)")
            for function in module.functions {
                #expect(modulePage.contains("id=\"\(function.anchor)\""), "\(function.title)")
            }
            for type in module.types {
                let html = try page("api/\(type.page)")
                for member in type.members {
                    #expect(
                        html.contains("id=\"\(member.anchor)\""), "\(type.path).\(member.title)")
                }
            }
        }
    }

    /// The public symbols of every graph the compiler wrote for the libraries, the
    /// extension graphs (`NeuralNet@Swift.symbols.json`: what a library adds to `Float`)
    /// included, by id.
    static func publicSymbolsInEveryGraph() throws -> [String: String] {
        // A folder of its own: the other tests extract into the build's folder meanwhile.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "symbol-graphs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SymbolGraphExtractor(toolchain: TestPackage.toolchain(), folder: folder).reference()
        var symbols: [String: String] = [:]
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder.path).sorted()
        where path.hasSuffix(".symbols.json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let graph = try JSONDecoder().decode(SymbolGraph.self, from: data)
            for symbol in graph.symbols.values
            where ["public", "open"].contains(symbol.accessLevel.rawValue) {
                symbols[symbol.identifier.precise] =
                    "\(path): \(symbol.pathComponents.joined(separator: "."))"
            }
        }
        return symbols
    }

    @Test func everyPublicSymbolOfEveryGraphHasAnEntry() throws {
        let reference = try Self.reference.get()
        let graphs = try Self.publicSymbolsInEveryGraph()
        #expect(graphs.keys.contains { $0.hasPrefix("s:Sf9NeuralNet") }, "no Float extension")
        let entries = Set(reference.entries.map { $0.symbol.id })
        let missing = graphs.filter { !entries.contains($0.key) }.values.sorted()
        #expect(missing.isEmpty, "no entry for \(missing)")
        // And each entry is on its page, with its anchor.
        var pages: [String: String] = [:]
        for (symbol, name, anchor) in reference.entries {
            if pages[name] == nil { pages[name] = (try? page("api/\(name)")) ?? "" }
            #expect(!pages[name]!.isEmpty, "no page api/\(name) for \(symbol.title)")
            if let anchor {
                #expect(pages[name]!.contains("id=\"\(anchor)\""), "\(name)#\(anchor)")
            }
        }
        // The members NeuralNet adds to Float and Double have a page each, on the index.
        for type in ["Float", "Double"] {
            let name = "NeuralNet.extension.Swift.\(type).html"
            #expect(pages[name]?.contains("<h1>Extensions to <code>\(type)</code></h1>") == true)
            let text = pages[name]?.replacing(#/<[^>]*>/#, with: "") ?? ""
            #expect(text.contains("extension \(type): TensorScalar"))
            #expect(text.contains("static func exp(_ x: \(type)) -&gt; \(type)"))
            #expect(try page("api/index.html").contains("href=\"\(name)\""))
        }
    }

    /// An extraction is not disturbed by another that replaces the graphs meanwhile (the
    /// site's build and the tests, or two commands, at once): here the other one removes
    /// every module's folder again and again while this one runs. (The full suite failed
    /// when it read a folder that another extraction had just removed.)
    @Test func anExtractionIsUndisturbedByAnotherReplacingTheGraphs() async throws {
        let toolchain = try TestPackage.toolchain()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "symbol-graphs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let libraries = toolchain.libraries
        let other = Task.detached {
            while !Task.isCancelled {
                for library in libraries {
                    try? FileManager.default.removeItem(at: folder.appendingPathComponent(library))
                }
                try? await Task.sleep(nanoseconds: 2_000_000)
            }
        }
        defer { other.cancel() }
        let reference = try SymbolGraphExtractor(toolchain: toolchain, folder: folder).reference()
        #expect(reference == (try Self.reference.get()))
    }

    @Test func extractingTwiceGivesTheSameReference() throws {
        let again = try SymbolGraphExtractor(toolchain: TestPackage.toolchain()).reference()
        #expect(try Self.reference.get() == again)
    }

    @Test func lstmCellInChapterThreesLSTMBlockLinksToItsInitialiser() throws {
        let chapter = try page("chapter3.html")
        let block = try #require(chapter.range(of: "libraryLSTM"))
        let link =
            "<a class=\"api-link\" href=\"api/NeuralNet.LSTMCell.html"
            + "#symbol-init-inputWeight-recurrentWeight-bias\" title=\"init(inputWeight: Tensor&lt;Scalar&gt;"
        #expect(chapter[block.lowerBound...].contains(link))
    }

    @Test func lstmCellsPageShowsItsDeclarationEquationsAndUses() throws {
        let html = try page("api/NeuralNet.LSTMCell.html")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        #expect(html.contains("<span class=\"hl-keyword\">struct</span> LSTMCell&lt;Scalar&gt;"))
        #expect(html.contains("<a href=\"../chapter3.html#eq:lstm-input\">(3.14)</a>"))
        #expect(html.contains("<a href=\"../chapter3.html#eq:lstm-hidden\">(3.19)</a>"))
        #expect(html.contains("<p class=\"api-used-in\">Used in <a href=\"../chapter3.html#block-"))
        #expect(!html.contains("/work/"))
    }

    /// A declaration links to its line in the published source file, which holds it there.
    @Test func everyDeclarationLinksToItsLineInThePublishedSource() throws {
        let reference = try Self.reference.get()
        let cell = try #require(reference.types.first { $0.path == "LSTMCell" })
        let line = try #require(cell.symbol.line)
        let html = try page("api/NeuralNet.LSTMCell.html")
        #expect(
            html.contains(
                "Declared in <a href=\"source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html#L\(line)\">"
                    + "<code>Sources/NeuralNet/Layers/Recurrent/LSTMCell.swift:\(line)</code></a>"))
        let source = try page("api/source/NeuralNet/Layers/Recurrent/LSTMCell.swift.html")
        let start = try #require(source.range(of: "id=\"L\(line)\""))
        let end = try #require(source[start.upperBound...].range(of: "</span>\n"))
        let text = source[start.upperBound..<end.lowerBound].replacing(#/<[^>]*>/#, with: "")
        #expect(text.contains("struct LSTMCell"), "line \(line): \(text)")
        // Every symbol's file and line, members and extensions included, is linked and exists.
        var sources: [String: String] = [:]
        for (symbol, name, _) in reference.entries {
            guard let file = symbol.file, let line = symbol.line else { continue }
            let link = try #require(SourceFilePage.link(file: file, line: line))
            #expect(try page("api/\(name)").contains("href=\"\(link)\""), "\(symbol.title)")
            let path = "api/" + link.split(separator: "#")[0]
            if sources[path] == nil { sources[path] = try page(path) }
            #expect(sources[path]!.contains("id=\"L\(line)\""), "\(link)")
        }
    }

    @Test func theIndexGroupsTypesByFolder() throws {
        let html = try page("api/index.html")
        for group in [
            "tensor", "autodiff", "layers", "recurrent", "optimisers", "data", "brain", "figures",
        ] {
            #expect(html.contains("id=\"group-\(group)\""), "\(group)")
        }
        #expect(html.contains("href=\"NeuralNet.LSTMCell.html\""))
    }
}
