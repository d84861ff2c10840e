/// Reads one figure's SVG, byte by byte, and stops at the first thing `FigureSafety` does not
/// allow.
///
/// It reads the subset of XML that `Figures` writes, and refuses the rest: elements with
/// attributes in double or single quotes, text, XML's five entities and character references.
/// A comment, a CDATA section, a processing instruction, a doctype, any other entity or markup
/// that is not well-formed XML is refused. It replaced Foundation's `XMLParser`, which took a
/// third of a notebook run's time; `SVGCheckerTests` holds it to never accept what
/// `XMLParser` refused.
struct SVGChecker {
    private let bytes: [UInt8]
    private var index = 0

    init(svg: String) { bytes = Array(svg.utf8) }

    /// Why the reading stopped.
    private struct Refusal: Error { var reason: String }

    /// The first problem, or nil when the whole SVG is allowed.
    func run() -> String? {
        var reader = self
        do {
            try reader.document()
            return nil
        } catch {
            return error.reason
        }
    }

    private mutating func document() throws(Refusal) {
        var depth = 0
        var rootClosed = false
        var open: [ArraySlice<UInt8>] = []
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let text = try characterData()
                if depth == 0, !text.allSatisfy(Self.isSpace) {
                    throw Refusal(reason: "it has text outside its <svg> element")
                }
                continue
            }
            if starts(with: "<!--") { throw Refusal(reason: "it has a comment") }
            if starts(with: "<![CDATA[") { throw Refusal(reason: "it has a CDATA section") }
            if starts(with: "<?") { throw Refusal(reason: "it has a processing instruction") }
            if starts(with: "<!") { throw malformed() }
            if starts(with: "</") {
                index += 2
                let name = try self.name()
                skipSpace()
                guard let last = open.last, last.elementsEqual(name), take(">") else {
                    throw malformed()
                }
                open.removeLast()
                depth -= 1
                if depth == 0 { rootClosed = true }
                continue
            }
            index += 1
            let name = try self.name()
            let element = String(decoding: name, as: UTF8.self)
            var attributes: [(name: String, value: String)] = []
            var empty = false
            while true {
                let spaced = skipSpace()
                if take(">") { break }
                if take("/>") {
                    empty = true
                    break
                }
                guard spaced else { throw malformed() }
                let attribute = String(decoding: try self.name(), as: UTF8.self)
                skipSpace()
                guard take("=") else { throw malformed() }
                skipSpace()
                let value = try quoted()
                if attributes.contains(where: { $0.name == attribute }) { throw malformed() }
                attributes.append((attribute, value))
            }
            if rootClosed || (depth == 0 && element != "svg") {
                throw Refusal(reason: "it holds more than one <svg> element")
            }
            try check(element, attributes)
            if empty {
                if depth == 0 { rootClosed = true }
            } else {
                depth += 1
                open.append(name)
            }
        }
        guard rootClosed, open.isEmpty else { throw Refusal(reason: "it is not well-formed XML") }
    }

    /// The element and its attributes (in the order of their names) against the allow list.
    private func check(_ element: String, _ attributes: [(name: String, value: String)])
        throws(Refusal)
    {
        guard let known = FigureSafety.allowed[element] else {
            throw Refusal(reason: "it has an element <\(element)>, which Figures never writes")
        }
        for (name, value) in attributes.sorted(by: { $0.name < $1.name }) {
            guard let kind = known[name] else {
                throw Refusal(
                    reason: "<\(element)> has an attribute \(name)=, which Figures never writes")
            }
            guard FigureSafety.accepts(value, as: kind) else {
                throw Refusal(
                    reason: "<\(element)> has \(name)=\"\(value)\", not a value Figures writes")
            }
        }
    }

    /// Text up to the next `<`, its references resolved.
    private mutating func characterData() throws(Refusal) -> [UInt8] {
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if starts(with: "]]>") { throw malformed() }
            try append(into: &text)
        }
        return text
    }

    /// An attribute's value between its quotes, its references resolved and its line breaks
    /// and tabs read as spaces, as XML normalizes them.
    private mutating func quoted() throws(Refusal) -> String {
        guard index < bytes.count,
            bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
        else { throw malformed() }
        let quote = bytes[index]
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw malformed() }
            let byte = bytes[index]
            if byte == quote {
                index += 1
                break
            }
            if byte == UInt8(ascii: "<") { throw malformed() }
            if byte == UInt8(ascii: "&") {
                try append(into: &value)
            } else {
                try append(into: &value)
                if Self.isSpace(byte) { value[value.count - 1] = UInt8(ascii: " ") }
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Appends one character of text, or what one reference stands for.
    private mutating func append(into text: inout [UInt8]) throws(Refusal) {
        let byte = bytes[index]
        guard byte == UInt8(ascii: "&") else {
            // XML allows no control character but tab, line feed and carriage return.
            if byte < 0x20, !Self.isSpace(byte) { throw malformed() }
            text.append(byte)
            index += 1
            return
        }
        guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw malformed()
        }
        let reference = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
        var scalar: Unicode.Scalar?
        if let character = named[reference] {
            scalar = character.unicodeScalars.first
        } else if reference.hasPrefix("#x"), reference.count > 2,
            reference.dropFirst(2).allSatisfy(\.isHexDigit)
        {
            scalar = UInt32(reference.dropFirst(2), radix: 16).flatMap(Self.xmlCharacter)
        } else if reference.hasPrefix("#"), reference.count > 1,
            reference.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        {
            scalar = UInt32(reference.dropFirst()).flatMap(Self.xmlCharacter)
        }
        guard let scalar else { throw malformed() }
        text += Array(String(Character(scalar)).utf8)
        index = semicolon + 1
    }

    /// An element's or attribute's name: ASCII letters, digits, `_`, `:`, `-` and `.`, not
    /// beginning with a digit, `-` or `.` (every name `Figures` writes, and more).
    private mutating func name() throws(Refusal) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let letter =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
            let later =
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard letter || (later && index > start) else { break }
            index += 1
        }
        guard index > start else { throw malformed() }
        return bytes[start..<index]
    }

    /// Skips XML white space; true if there was some.
    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    /// Consumes `text` if it comes next.
    private mutating func take(_ text: StaticString) -> Bool {
        guard starts(with: text) else { return false }
        index += text.utf8CodeUnitCount
        return true
    }

    private func malformed() -> Refusal {
        let before = bytes[..<min(index, bytes.count)]
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = before.count - lineStart + 1
        return Refusal(reason: "it is not well-formed XML (line \(line), column \(column))")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A character XML allows: tab, line feed, carriage return, and the rest from U+20 on
    /// but surrogates, U+FFFE and U+FFFF.
    private static func xmlCharacter(_ value: UInt32) -> Unicode.Scalar? {
        guard
            value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        else { return nil }
        return Unicode.Scalar(value)
    }
}
