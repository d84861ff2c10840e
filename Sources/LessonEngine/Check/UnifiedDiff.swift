/// A unified diff of two texts, line by line, with three lines of context.
enum UnifiedDiff {
    /// The diff of `expected` to `actual`; `header` names where the expected text stands.
    static func make(expected: String, actual: String, header: String) -> String {
        let old =
            expected.isEmpty
            ? [] : expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new =
            actual.isEmpty ? [] : actual.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(old, new)
        var lines = ["--- expected (\(header))", "+++ actual"]
        let context = 3
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else {
                break
            }
            var end = firstChange
            var last = firstChange
            while end < edits.count {
                if edits[end].kind != .same { last = end }
                if end - last > 2 * context { break }
                end += 1
            }
            let hunkStart = max(index, firstChange - context)
            let hunkEnd = min(edits.count, last + context + 1)
            let hunk = edits[hunkStart..<hunkEnd]
            let oldStart = hunk.first?.oldLine ?? 0
            let newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            lines.append("@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@")
            for edit in hunk {
                let sign = edit.kind == .same ? " " : edit.kind == .delete ? "-" : "+"
                lines.append(sign + edit.text)
            }
            index = hunkEnd
        }
        return lines.joined(separator: "\n")
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: Substring
        var oldLine: Int
        var newLine: Int
    }

    /// The shortest edit script by longest common subsequence (outputs are small).
    static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        let n = old.count
        let m = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] =
                    old[i] == new[j]
                    ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(Edit(kind: .same, text: old[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .delete, text: old[i], oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, text: new[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }
}
