import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Highlights Swift code at build time with the compiler's own syntax classification
/// (swift-syntax's `SwiftIDEUtils`): each classified token becomes a `<span class="hl-…">`.
enum SwiftHighlighter {
    /// The code as escaped HTML with highlighting spans; the text itself is unchanged. A name
    /// with a link (to the API reference, `linkBase` being the path to `api/`) becomes one.
    static func html(_ code: String, links: [CodeLink] = [], linkBase: String = "api/") -> String {
        let linksByStart = Dictionary(links.map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var html = ""
        var offset = 0
        for range in tree.classifications {
            let start = range.range.lowerBound.utf8Offset
            let end = min(range.range.upperBound.utf8Offset, bytes.count)
            guard start >= offset, start < end else { continue }
            if start > offset { html += escape(bytes[offset..<start]) }
            let text = escape(bytes[start..<end])
            var token = text
            if let name = className(range.kind) {
                token = "<span class=\"hl-\(name)\">\(text)</span>"
            }
            if let link = linksByStart[start], link.end == end {
                token =
                    "<a class=\"api-link\" href=\"\(linkBase)\(HTMLEscaping.escape(link.target))\" "
                    + "title=\"\(HTMLEscaping.escape(link.title))\">\(token)</a>"
            }
            html += token
            offset = end
        }
        if offset < bytes.count { html += escape(bytes[offset...]) }
        return html
    }

    private static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        LanguageMarkup.escape(String(decoding: bytes, as: UTF8.self))
    }

    /// The CSS class for a classification; nil for plain text.
    static func className(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "keyword"
        case .attribute: "attribute"
        case .type: "type"
        case .stringLiteral, .regexLiteral: "string"
        case .integerLiteral, .floatLiteral: "number"
        case .lineComment, .blockComment: "comment"
        case .docLineComment, .docBlockComment: "doc-comment"
        case .ifConfigDirective: "directive"
        case .operator: "operator"
        case .argumentLabel: "label"
        case .dollarIdentifier, .editorPlaceholder: "identifier"
        default: nil
        }
    }
}
