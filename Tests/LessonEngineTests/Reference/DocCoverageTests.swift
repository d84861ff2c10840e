import Testing

@testable import LessonEngine

/// Coverage counts every public type, member and function, and names the undocumented ones.
@Suite struct DocCoverageTests {
    @Test func undocumentedSymbolsAreCountedAndListedWithTheirPlace() {
        func symbol(_ title: String, doc: String?, line: Int) -> APIReference.Symbol {
            APIReference.Symbol(
                id: title, module: "Brain", kind: "property", title: title, declaration: "",
                doc: doc, file: "Sources/Brain/Neuron.swift", line: line)
        }
        let neuron = APIReference.TypeEntry(
            symbol: symbol("Neuron", doc: "A neuron.", line: 1), path: "Neuron",
            kindWord: "struct",
            members: [
                symbol("threshold", doc: nil, line: 3), symbol("potential", doc: "mV.", line: 4),
                symbol("$isEnabled", doc: nil, line: 5),
            ], conformances: [], group: "brain")
        let coverage = DocCoverage(
            APIReference(modules: [
                APIReference.Module(
                    name: "Brain", types: [neuron],
                    functions: [symbol("simulate(_:)", doc: "Runs it.", line: 9)])
            ]))
        let library = coverage.libraries[0]
        #expect(library.documented == 3 && library.total == 4)
        #expect(library.undocumented == ["Neuron.threshold (Sources/Brain/Neuron.swift:3)"])
        #expect(!coverage.complete)
        #expect(coverage.report.contains("Brain: 3/4 (75.0 %)"))
    }

    @Test func membersAddedToAnotherModulesTypeAreCounted() {
        let added = APIReference.TypeEntry(
            symbol: APIReference.Symbol(
                id: "s:Sd", module: "NeuralNet", kind: "extension", title: "Double",
                declaration: "extension Double", doc: nil, file: nil, line: nil),
            path: "Double", kindWord: "struct",
            members: [
                APIReference.Symbol(
                    id: "exp", module: "NeuralNet", kind: "type.method", title: "exp(_:)",
                    declaration: "", doc: "e^x.", file: nil, line: nil),
                APIReference.Symbol(
                    id: "log", module: "NeuralNet", kind: "type.method", title: "log(_:)",
                    declaration: "", doc: nil, file: "Sources/NeuralNet/Scalar.swift", line: 7),
            ], conformances: [], group: "tensor", extendedModule: "Swift")
        let coverage = DocCoverage(
            APIReference(modules: [
                APIReference.Module(
                    name: "NeuralNet", types: [], functions: [], extensions: [added])
            ]))
        // The extended type itself is the standard library's: only its added members count.
        #expect(coverage.libraries[0].total == 2)
        #expect(
            coverage.libraries[0].undocumented == [
                "Double.log(_:) (Sources/NeuralNet/Scalar.swift:7)"
            ])
    }
}
