/// Markdown source as UTF-8 bytes with a table of line starts, to move between byte offsets
/// and cmark's positions (1-based lines, 1-based byte columns).
///
/// A line ends at `\n`, `\r\n` or `\r`, as in CommonMark.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// The offset of the first byte of each line; `lineStarts[0]` is line 1.
    private let lineStarts: [Int]

    init(_ string: String) {
        bytes = Array(string.utf8)
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == .carriageReturn, offset < bytes.count, bytes[offset] == .lineFeed {
                offset += 1
            }
            if byte == .carriageReturn || byte == .lineFeed {
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// The number of lines, counting an empty last line after a final line break.
    var lineCount: Int { lineStarts.count }

    /// The byte offsets of a line's content, without its line break.
    func content(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == .lineFeed || bytes[end - 1] == .carriageReturn {
            end -= 1
        }
        return start..<end
    }

    /// The 1-based line that holds the byte at `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low + 1
    }

    /// cmark's position of the byte at `offset`.
    func position(of offset: Int) -> SourcePosition {
        let line = line(containing: offset)
        return SourcePosition(line: line, column: offset - lineStarts[line - 1] + 1)
    }

    /// The byte offset of a cmark position.
    func offset(of position: SourcePosition) -> Int {
        lineStarts[position.line - 1] + position.column - 1
    }

    /// The source text between two offsets.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

extension UInt8 {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Whether the byte is a space, tab or line break.
    var isWhitespace: Bool {
        self == .space || self == .tab || self == .lineFeed || self == .carriageReturn
    }
}
