import Foundation

/// Reads a trap out of a program's output and the Swift runtime's crash log.
///
/// The runtime prints `File.swift:12: Fatal error: message` and a `*** Signal 4 …` line; the
/// backtracer writes frames such as `f() + 52 in main at Chapters/03.md:20:28` to a log file.
struct TrapReport: Equatable {
    /// The block's printed text without the runtime's crash noise, ending in the message.
    var output: String
    /// `Fatal error: Index out of range`, or what the crash log says.
    var message: String
    /// The Markdown line of the innermost frame in the chapter file.
    var line: Int?

    init(output raw: String, crashLog: String?, file: String, signal: Int32) {
        var kept: [Substring] = []
        var filter = LineFilter()
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            if let shown = filter.keep(String(line)) { kept.append(Substring(shown)) }
        }
        let message = filter.message
        while kept.last?.isEmpty == true { kept.removeLast() }
        let crashed = crashLog.flatMap(Self.crashLine)
        let summary = message ?? crashed ?? "crashed with signal \(signal)"
        if message == nil { kept.append(Substring(summary)) }
        self.output = kept.joined(separator: "\n") + "\n"
        self.message = summary
        self.line = crashLog.flatMap { Self.firstFrameLine(in: $0, file: file) }
    }

    /// Passes a program's output line by line, leaving out the runtime's crash noise.
    ///
    /// `Swift/Array.swift:12: Fatal error: Index out of range` becomes
    /// `Fatal error: Index out of range` (where the standard library failed is no help to a
    /// reader; the Markdown line comes from the backtrace); after it, the `*** Signal …` line and
    /// blank lines are dropped.
    struct LineFilter {
        private(set) var message: String?

        /// The line to show, or nil to leave it out.
        mutating func keep(_ line: String) -> String? {
            if message != nil, line.isEmpty || line.hasPrefix("*** ") { return nil }
            if line.hasPrefix("*** Signal ") || line.hasPrefix("💣 Program crashed") { return nil }
            guard let range = line.range(of: "Fatal error: ") else { return line }
            let text = "Fatal error: " + line[range.upperBound...]
            message = message ?? text
            return text
        }
    }

    /// The line number of the first backtrace frame `at FILE:LINE:COLUMN`.
    static func firstFrameLine(in log: String, file: String) -> Int? {
        let needle = " at \(file):"
        for line in log.split(separator: "\n") {
            guard let range = line.range(of: needle) else { continue }
            let number = line[range.upperBound...].prefix { $0.isNumber }
            if let value = Int(number) { return value }
        }
        return nil
    }

    /// `Program crashed: Illegal instruction` from the log's `*** … ***` header, or
    /// `Program crashed: stack overflow (likely unbounded recursion)` when the fault is in the
    /// stack's guard region.
    static func crashLine(in log: String) -> String? {
        guard
            let line = log.split(separator: "\n").first(where: { $0.contains("Program crashed:") })
        else { return nil }
        var text = String(line.drop { $0 != "P" }.prefix { $0 != "*" })
        var faultAddress: UInt64?
        if let address = text.range(of: " at 0x") {
            faultAddress = UInt64(text[address.upperBound...].prefix { $0.isHexDigit }, radix: 16)
            text = String(text[..<address.lowerBound])
        }
        if let faultAddress, let stackPointer = stackPointer(in: log),
            isStackGuardFault(address: faultAddress, stackPointer: stackPointer)
        {
            return "Program crashed: stack overflow (likely unbounded recursion)"
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The crashed thread's stack pointer from the log's registers (`rsp 0x…`, `sp 0x…`).
    static func stackPointer(in log: String) -> UInt64? {
        for line in log.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "rsp" || words[0] == "sp",
                words[1].hasPrefix("0x")
            else { continue }
            return UInt64(words[1].dropFirst(2), radix: 16)
        }
        return nil
    }

    /// True when a fault at `address` is a stack overflow: the stack grows down, and a call or
    /// a frame that no longer fits touches the guard region just below the stack (Linux keeps a
    /// 1 MiB gap there). The faulting access is a push below the stack pointer, or a store into
    /// a frame whose prologue has already moved the pointer down into the gap, a little above
    /// it: stack pages above a live stack pointer are otherwise mapped, so a fault there is
    /// the guard too. Anywhere else it is an ordinary bad pointer.
    static func isStackGuardFault(address: UInt64, stackPointer: UInt64) -> Bool {
        if address < stackPointer { return stackPointer - address <= 1 << 20 }
        return address - stackPointer < 1 << 16
    }
}
