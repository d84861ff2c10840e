import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The processes below one process, read from `/proc` (Linux; elsewhere, none are found).
enum ProcessTree {
    /// One process as `/proc/<pid>/stat` describes it.
    struct Entry: Equatable {
        var pid: pid_t
        var parent: pid_t
        /// `R`, `S`, `Z` (ended, not yet reaped) and so on.
        var state: Character
    }

    /// Every process now running, with its parent.
    static func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = pid_t(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8)
            else { return nil }
            return entry(pid: pid, stat: stat)
        }
    }

    /// Parses `pid (command) state parent …`; the command may hold spaces and parentheses,
    /// so the fields are read after its last `)`.
    static func entry(pid: pid_t, stat: String) -> Entry? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count >= 2, let state = fields[0].first, let parent = pid_t(fields[1])
        else { return nil }
        return Entry(pid: pid, parent: parent, state: state)
    }

    /// The processes descended from `root` that have not ended (zombies left out).
    static func descendants(of root: pid_t) -> [pid_t] {
        let entries = all()
        var children: [pid_t: [Entry]] = [:]
        for entry in entries { children[entry.parent, default: []].append(entry) }
        var found: [pid_t] = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] {
                queue.append(child.pid)
                if child.state != "Z" { found.append(child.pid) }
            }
        }
        return found.sorted()
    }

    /// True while `pid` exists and has not ended.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let entry = entry(pid: pid, stat: stat)
        else { return false }
        return entry.state != "Z"
    }
}
