/// One compiler message, `file:line:column: error: message`.
public struct Diagnostic: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: String
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(severity): \(message)" }

    /// The diagnostics in a compiler's llvm-style output: `file:line:column: severity: text`,
    /// and the linker's `file:line: error: text` (column 1), which it writes from the
    /// program's line tables for an undefined symbol.
    static func parse(_ text: String) -> [Diagnostic] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count >= 4, let number = Int(parts[1]) else { return nil }
            let column = Int(parts[2])
            let severityIndex = column == nil ? 2 : 3
            guard severityIndex < parts.count - 1 else { return nil }
            let severity = parts[severityIndex].trimmingCharacters(in: .whitespaces)
            guard ["error", "warning", "note"].contains(severity) else { return nil }
            let message = parts[(severityIndex + 1)...].joined(separator: ":")
            return Diagnostic(
                file: String(parts[0]), line: number, column: column ?? 1, severity: severity,
                message: message.trimmingCharacters(in: .whitespaces))
        }
    }
}
