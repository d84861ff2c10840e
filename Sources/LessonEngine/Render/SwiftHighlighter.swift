import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Highlights Swift code at build time with the compiler's own syntax classification
/// (swift-syntax's `SwiftIDEUtils`): each classified token becomes a `<span class="hl-…">`.
enum SwiftHighlighter {
    /// The code as escaped HTML with highlighting spans; the text itself is unchanged.
    static func html(_ code: String) -> String {
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
            if let name = className(range.kind) {
                html += "<span class=\"hl-\(name)\">\(text)</span>"
            } else {
                html += text
            }
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
