import Testing

@testable import LessonEngine

/// Names in code resolve to the reference entries the syntax allows, overloads by labels.
@Suite struct CodeLinkerTests {
    static func symbol(_ title: String, kind: String, id: String, module: String = "NeuralNet")
        -> APIReference.Symbol
    {
        APIReference.Symbol(
            id: id, module: module, kind: kind, title: title, declaration: "decl \(title)",
            doc: "Does \(title). More detail.", file: nil, line: nil)
    }

    static let reference: APIReference = {
        let cell = APIReference.TypeEntry(
            symbol: symbol("LSTMCell", kind: "struct", id: "cell"), path: "LSTMCell",
            kindWord: "struct",
            members: APIReference.anchored([
                symbol("init(inputWeight:recurrentWeight:bias:)", kind: "init", id: "init-w"),
                symbol("init(inputSize:hiddenSize:using:)", kind: "init", id: "init-size"),
                symbol("callAsFunction(_:state:)", kind: "method", id: "call"),
                symbol("hiddenSize", kind: "property", id: "hidden"),
            ]), conformances: [], group: "recurrent")
        let layer = APIReference.TypeEntry(
            symbol: symbol("Dense", kind: "struct", id: "dense"), path: "Dense",
            kindWord: "struct",
            members: APIReference.anchored([
                symbol("callAsFunction(_:state:)", kind: "method", id: "dense-call"),
                symbol("forward(_:)", kind: "method", id: "dense-forward"),
            ]), conformances: [], group: "layers")
        return APIReference(modules: [
            APIReference.Module(
                name: "NeuralNet", types: [cell, layer],
                functions: APIReference.anchored([
                    symbol("relu(_:)", kind: "func", id: "relu"),
                    symbol("matmul(_:_:)", kind: "func", id: "matmul"),
                    symbol("matmul(_:_:transposed:)", kind: "func", id: "matmul-t"),
                ]))
        ])
    }()

    func links(_ code: String) -> [String: String] {
        let linker = CodeLinker(reference: Self.reference)
        let bytes = Array(code.utf8)
        var result: [String: String] = [:]
        for link in linker.links(in: code) {
            result[String(decoding: bytes[link.start..<link.end], as: UTF8.self)] = link.target
        }
        return result
    }

    @Test func anInitialiserCallLinksToTheInitialiserWithItsLabels() {
        let found = links("let c = LSTMCell(inputWeight: w, recurrentWeight: u, bias: b)")
        #expect(
            found["LSTMCell"]
                == "NeuralNet.LSTMCell.html#symbol-init-inputWeight-recurrentWeight-bias")
        let generic = links("let c = LSTMCell<Double>(inputSize: 1, hiddenSize: 2, using: &g)")
        #expect(
            generic["LSTMCell"] == "NeuralNet.LSTMCell.html#symbol-init-inputSize-hiddenSize-using")
    }

    @Test func labelsLeftToTheirDefaultsStillResolve() {
        let found = links("let c = LSTMCell(inputSize: 1, hiddenSize: 2)")
        #expect(
            found["LSTMCell"] == "NeuralNet.LSTMCell.html#symbol-init-inputSize-hiddenSize-using")
    }

    @Test func aTypeNameInAnAnnotationLinksToItsPage() {
        #expect(links("let c: LSTMCell<Double>")["LSTMCell"] == "NeuralNet.LSTMCell.html")
    }

    @Test func freeFunctionOverloadsAreResolvedByLabels() {
        #expect(links("let y = relu(x)")["relu"] == "NeuralNet.html#symbol-relu-_")
        #expect(links("matmul(a, b)")["matmul"] == "NeuralNet.html#symbol-matmul-_-_")
        #expect(
            links("matmul(a, b, transposed: true)")["matmul"]
                == "NeuralNet.html#symbol-matmul-_-_-transposed")
    }

    @Test func aMemberLinksOnlyIfOneTypeDeclaresIt() {
        #expect(links("layer.forward(x)")["forward"] == "NeuralNet.Dense.html#symbol-forward-_")
        // Both types have callAsFunction(_:state:): the syntax cannot tell which.
        #expect(links("cell.callAsFunction(x, state: s)")["callAsFunction"] == nil)
        // A property without its type's name could be any type's.
        #expect(links("print(cell.hiddenSize)")["hiddenSize"] == nil)
        #expect(
            links("print(LSTMCell.hiddenSize)")["hiddenSize"]
                == "NeuralNet.LSTMCell.html#symbol-hiddenSize")
    }

    /// `Foundation.exp(x)` is the C library's function, not a library member that happens
    /// to be the only one of that name.
    @Test func aMemberOfAnotherModuleIsNotLinked() {
        let reference = APIReference(modules: [
            APIReference.Module(
                name: "NeuralNet",
                types: [
                    APIReference.TypeEntry(
                        symbol: Self.symbol("TensorScalar", kind: "protocol", id: "scalar"),
                        path: "TensorScalar", kindWord: "protocol",
                        members: APIReference.anchored([
                            Self.symbol("exp(_:)", kind: "type.method", id: "scalar-exp")
                        ]), conformances: [], group: "tensor")
                ], functions: [])
        ])
        let linker = CodeLinker(reference: reference)
        #expect(linker.links(in: "let y = Foundation.exp(-z)").isEmpty)
        #expect(linker.links(in: "let y = Glibc.exp(-z)").isEmpty)
        #expect(linker.links(in: "let y = TensorScalar.exp(z)").count == 2)
    }

    /// `Double.exp(x)` is the member NeuralNet adds to `Double`; `Double` itself is the
    /// standard library's and not linked.
    @Test func aMemberAddedToAStandardTypeLinksWhenTheTypeIsNamed() {
        func extended(_ path: String) -> APIReference.TypeEntry {
            APIReference.TypeEntry(
                symbol: Self.symbol(path, kind: "extension", id: "s:\(path)"), path: path,
                kindWord: "struct",
                members: APIReference.anchored([
                    Self.symbol("exp(_:)", kind: "type.method", id: "\(path)-exp")
                ]), conformances: [], group: "tensor", extendedModule: "Swift")
        }
        let reference = APIReference(modules: [
            APIReference.Module(
                name: "NeuralNet", types: [],
                functions: APIReference.anchored([Self.symbol("relu(_:)", kind: "func", id: "relu")]
                ),
                extensions: [extended("Double"), extended("Float")])
        ])
        let linker = CodeLinker(reference: reference)
        let code = "let y: Double = Double.exp(x) + Float.exp(z)"
        let targets = linker.links(in: code).map(\.target)
        #expect(
            targets == [
                "NeuralNet.extension.Swift.Double.html#symbol-exp-_",
                "NeuralNet.extension.Swift.Float.html#symbol-exp-_",
            ])
        // Without the type's name, `exp` could be either one's.
        #expect(linker.links(in: "let y = x.exp(z)").isEmpty)
        #expect(
            linker.links(in: "let y = NeuralNet.relu(x)").map(\.target)
                == ["NeuralNet.html#symbol-relu-_"])
    }

    @Test func unknownNamesAndLocalsAreNotLinked() {
        #expect(links("let relux = 1; print(relux)").isEmpty)
    }

    @Test func theHighlighterTurnsALinkedNameIntoAnAnchorWithTheHover() {
        let code = "let y = relu(x)"
        let html = SwiftHighlighter.html(
            code, links: CodeLinker(reference: Self.reference).links(in: code))
        #expect(
            html.contains(
                "<a class=\"api-link\" href=\"api/NeuralNet.html#symbol-relu-_\" "
                    + "title=\"decl relu(_:)\nDoes relu(_:).\">relu</a>"))
    }
}
