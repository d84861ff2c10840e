/// A message's Markdown parsed as the inline content of one paragraph, as it stands in its
/// heading, paragraph or cell: a message that begins like a list item or heading (`1. …`,
/// `- …`, `# …`, `> …`) is read as text, since the unit's own marker is not part of it.
enum InlineMarkdown {
    /// The inlines, or nil when the message is not one paragraph of inline content (it holds
    /// a blank line, a fence or a display formula on lines of its own).
    static func inlines(_ message: String) -> [MarkdownNode]? {
        guard let document = try? MarkdownDocument.parse(escapingBlockStart(message)) else {
            return nil
        }
        let blocks = document.root.children
        guard blocks.count == 1 else { return nil }
        switch blocks[0].kind {
        case .paragraph: return blocks[0].children
        case .math(_, true, _): return [blocks[0]]
        default: return nil
        }
    }

    /// The message with a backslash before a leading block marker.
    static func escapingBlockStart(_ message: String) -> String {
        let text = Substring(message)
        guard let first = text.first else { return message }
        let next = text.dropFirst().first
        if "#>".contains(first) || ("-+*".contains(first) && (next == " " || next == nil)) {
            return "\\" + message
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")",
                rest.dropFirst().first == " " || rest.count == 1
            {
                return digits + "\\" + rest
            }
        }
        return message
    }
}
