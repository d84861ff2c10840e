import Foundation
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
        #expect(
            html.contains("Declared in <code>Sources/NeuralNet/Layers/Recurrent/LSTMCell.swift:"))
        #expect(!html.contains("/work/"))
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
