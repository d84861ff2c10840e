import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe`:
/// commands go to its file descriptor 3 and answers come from its descriptor 4, each a JSON
/// message ended by a NUL byte. Enough of a client to open a page and type into it.
final class DevToolsPipe: @unchecked Sendable {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private let condition = NSCondition()
    private var answers: [Int: [String: Any]] = [:]
    private var nextID = 0
    private var session: String?

    /// Starts Chromium with an empty profile; throws if it cannot be started.
    init(executable: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chromium-\(UUID().uuidString)")
        var commands: [Int32] = [0, 0]
        var replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else {
            throw LessonErrorForTests("pipe failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)",
            "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        close(commands[0])
        close(replies[1])
        guard spawned == 0 else { throw LessonErrorForTests("cannot start \(executable)") }
        pid = child
        toBrowser = commands[1]
        fromBrowser = replies[0]
        Thread { [self] in readAnswers() }.start()
    }

    deinit {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(toBrowser)
        close(fromBrowser)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens a tab and attaches to it; later commands go to that tab.
    func openTab() throws {
        let created = try call("Target.createTarget", ["url": "about:blank"], inTab: false)
        let target = try (created["targetId"] as? String).orThrow("no target")
        let attached = try call(
            "Target.attachToTarget", ["targetId": target, "flatten": true], inTab: false)
        session = try (attached["sessionId"] as? String).orThrow("no session")
        _ = try call("Page.enable")
        _ = try call("Runtime.enable")
    }

    /// Sends a command and waits (at most `seconds`) for its answer's result.
    @discardableResult
    func call(
        _ method: String, _ parameters: [String: Any] = [:], inTab: Bool = true,
        seconds: Double = 60
    ) throws -> [String: Any] {
        let id = condition.withLock {
            nextID += 1
            return nextID
        }
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inTab, let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        _ = data.withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while answers[id] == nil {
            guard condition.wait(until: deadline) else {
                throw LessonErrorForTests("\(method): no answer within \(seconds) s")
            }
        }
        let answer = answers.removeValue(forKey: id)!
        if let error = answer["error"] { throw LessonErrorForTests("\(method): \(error)") }
        return answer["result"] as? [String: Any] ?? [:]
    }

    /// The value of a JavaScript expression in the tab.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true])
        return (result["result"] as? [String: Any])?["value"]
    }

    private func readAnswers() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fromBrowser, &buffer, buffer.count)
            if count <= 0 { return }
            pending += buffer[0..<count]
            while let end = pending.firstIndex(of: 0) {
                let message = Data(pending[..<end])
                pending.removeFirst(end + 1)
                guard
                    let json = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
                    let id = json["id"] as? Int
                else { continue }
                condition.withLock {
                    answers[id] = json
                    condition.broadcast()
                }
            }
        }
    }
}

struct LessonErrorForTests: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw LessonErrorForTests(message) }
        return self
    }
}
