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
}
