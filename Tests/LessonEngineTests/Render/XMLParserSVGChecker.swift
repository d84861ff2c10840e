import Foundation

@testable import LessonEngine

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The figure check as it was before `SVGChecker` read SVG by hand: Foundation's `XMLParser`,
/// and regular expressions for the values. Kept as the oracle `SVGCheckerTests` compares the
/// hand-written reader with: it may refuse more, never less.
final class XMLParserSVGChecker: NSObject, XMLParserDelegate {
    private let data: Data
    private var problem: String?
    private var depth = 0
    private var rootClosed = false

    init(svg: String) { data = Data(svg.utf8) }

    static func problem(in svg: String) -> String? {
        guard svg.hasPrefix("<svg") else { return "it does not begin with <svg" }
        return XMLParserSVGChecker(svg: svg).run()
    }

    func run() -> String? {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if problem == nil, !parsed || !rootClosed { problem = "it is not well-formed XML" }
        return problem
    }

    private func refuse(_ parser: XMLParser, _ reason: String) {
        guard problem == nil else { return }
        problem = reason
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if rootClosed || (depth == 0 && element != "svg") {
            return refuse(parser, "it holds more than one <svg> element")
        }
        depth += 1
        guard let known = FigureSafety.allowed[element] else {
            return refuse(parser, "it has an element <\(element)>, which Figures never writes")
        }
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            guard let kind = known[name] else {
                return refuse(
                    parser, "<\(element)> has an attribute \(name)=, which Figures never writes")
            }
            guard Self.accepts(value, as: kind) else {
                return refuse(
                    parser, "<\(element)> has \(name)=\"\(value)\", not a value Figures writes")
            }
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        depth -= 1
        if depth == 0 { rootClosed = true }
    }

    func parser(_ parser: XMLParser, foundCharacters text: String) {
        if depth == 0, !text.allSatisfy(\.isWhitespace) {
            refuse(parser, "it has text outside its <svg> element")
        }
    }

    func parser(_ parser: XMLParser, foundComment comment: String) {
        refuse(parser, "it has a comment")
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        refuse(parser, "it has a CDATA section")
    }

    func parser(
        _ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?
    ) {
        refuse(parser, "it has a processing instruction")
    }

    func parser(
        _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
    ) {
        refuse(parser, "it declares an entity")
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        refuse(parser, "it is not well-formed XML")
    }

    /// The values as the regular expressions read them.
    static func accepts(_ value: String, as kind: FigureSafety.Value) -> Bool {
        switch kind {
        case .number:
            return value.wholeMatch(of: /-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/) != nil
        case .numbers:
            return value.split(whereSeparator: { $0 == " " || $0 == "," }).allSatisfy {
                accepts(String($0), as: .number)
            }
        case .paint:
            return value == "none" || value == "currentColor"
                || value.wholeMatch(of: /#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})/) != nil
        case .rotation:
            guard let inside = value.wholeMatch(of: /rotate\(([-0-9., eE+]*)\)/)?.output.1
            else { return false }
            return accepts(String(inside), as: .numbers)
        default:
            return FigureSafety.accepts(value, as: kind)
        }
    }
}
