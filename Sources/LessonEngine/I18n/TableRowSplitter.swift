/// Splits a pipe-table row's source line into its cells' Markdown, as `PipeTable` splits it:
/// at each `|` but `\|` and those inside a formula (which `PipeTable` sees as a token), with
/// the optional leading and trailing pipes dropped and each cell trimmed.
enum TableRowSplitter {
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inMath = false
        var previous: Character? = nil
        for character in line {
            if character == "$", previous != "\\" {
                inMath.toggle()
            }
            if character == "|", previous != "\\", !inMath {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current)
        let trimmed = line.trimmingWhitespace()
        if trimmed.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        return cells.map { String($0.trimmingWhitespace()) }
    }
}
