import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Headless Chromium driven over the DevTools protocol, on the pipe Chromium opens with
/// `--remote-debugging-pipe` (it reads commands on fd 3 and writes replies and events on
/// fd 4, each message JSON ended by a NUL byte). One browser serves a whole test suite; each
/// test opens its own `DevToolsPage`.
///
/// Unlike `--dump-dom`, the protocol reports every failed request (`Network.loadingFailed`,
/// HTTP errors), script exceptions and console and browser log messages.
final class DevToolsBrowser: @unchecked Sendable {
    private let process: pid_t
    private let commands: Int32
    private let replies: Int32
    private let condition = NSCondition()
    private var nextID = 1
    private var answers: [Int: [String: Any]] = [:]
    private var events: [(session: String?, method: String, params: [String: Any])] = []
    private var closed = false
    private let profile: URL

    /// Starts Chromium; throws when it is not installed or cannot start.
    init() throws {
        guard let executable = Chromium.executable else {
            throw BrowserTestError("Chromium is not installed")
        }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chromium-devtools-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw BrowserTestError("cannot open pipes for Chromium")
        }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--user-data-dir=\(profile.path)", "--remote-debugging-pipe", "about:blank",
        ]
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Its own process group, so that its GPU process, zygotes and renderers end with it.
        #if canImport(Glibc)
            var attributes = posix_spawnattr_t()
        #else
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard spawned == 0 else { throw BrowserTestError("cannot start Chromium: \(spawned)") }
        process = pid
        commands = toBrowser[1]
        replies = fromBrowser[0]
        Self.register(pid)
        Thread { [self] in readReplies() }.start()
    }

    /// The process groups of the browsers running now. The suite's shared browser is a static
    /// that is never deinitialised, so the test process ends them as it exits (each
    /// `swift test` left a headless Chromium running before).
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    private static let groupsLock = NSLock()
    private static let endAtExit: Void = {
        atexit {
            DevToolsBrowser.groupsLock.lock()
            for group in DevToolsBrowser.groups { kill(-group, SIGKILL) }
            DevToolsBrowser.groupsLock.unlock()
        }
    }()

    private static func register(_ group: pid_t) {
        _ = endAtExit
        groupsLock.lock()
        groups.insert(group)
        groupsLock.unlock()
    }

    deinit { quit() }

    /// Ends the browser and removes its profile.
    func quit() {
        condition.lock()
        let wasClosed = closed
        closed = true
        condition.unlock()
        guard !wasClosed else { return }
        Self.groupsLock.lock()
        Self.groups.remove(process)
        Self.groupsLock.unlock()
        kill(-process, SIGKILL)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        close(commands)
        try? FileManager.default.removeItem(at: profile)
    }

    private func readReplies() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(replies, &buffer, buffer.count)
            if count <= 0 { break }
            pending += buffer[0..<count]
            while let end = pending.firstIndex(of: 0) {
                let message = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard
                    let object = try? JSONSerialization.jsonObject(with: message)
                        as? [String: Any]
                else { continue }
                condition.lock()
                if let id = object["id"] as? Int {
                    answers[id] = object
                } else if let method = object["method"] as? String {
                    events.append(
                        (
                            object["sessionId"] as? String, method,
                            object["params"] as? [String: Any] ?? [:]
                        ))
                }
                condition.broadcast()
                condition.unlock()
            }
        }
        close(replies)
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sends a command and waits for its result; throws the browser's error message.
    @discardableResult
    func send(
        _ method: String, _ params: [String: Any] = [:], session: String? = nil,
        timeout: TimeInterval = 20
    ) throws -> [String: Any] {
        condition.lock()
        let id = nextID
        nextID += 1
        condition.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = write(commands, raw.baseAddress! + offset, raw.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard written else { throw BrowserTestError("Chromium's pipe is closed (\(method))") }
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while answers[id] == nil {
            if closed { throw BrowserTestError("Chromium ended during \(method)") }
            if !condition.wait(until: deadline) {
                throw BrowserTestError("Chromium did not answer \(method) in \(timeout) s")
            }
        }
        let answer = answers.removeValue(forKey: id)!
        if let error = answer["error"] as? [String: Any] {
            throw BrowserTestError("\(method): \(error["message"] ?? error)")
        }
        return answer["result"] as? [String: Any] ?? [:]
    }

    /// The events received for a session since `start` (an index into all its events).
    func events(session: String, from start: Int = 0) -> [(method: String, params: [String: Any])] {
        condition.lock()
        defer { condition.unlock() }
        let mine = events.filter { $0.session == session }.map { ($0.method, $0.params) }
        return Array(mine.dropFirst(start))
    }

    /// Waits until an event named `method` arrives for the session after `start` events.
    func wait(for method: String, session: String, after start: Int, timeout: TimeInterval)
        throws
    {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !events.filter({ $0.session == session }).dropFirst(start).contains(where: {
            $0.method == method
        }) {
            if closed { throw BrowserTestError("Chromium ended while waiting for \(method)") }
            if !condition.wait(until: deadline) {
                throw BrowserTestError("no \(method) within \(timeout) s")
            }
        }
    }

    /// A new tab, attached, with network, console and log reporting on.
    func newPage(width: Int = 1280, height: Int = 900) throws -> DevToolsPage {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else {
            throw BrowserTestError("Chromium made no tab")
        }
        let attached = try send(
            "Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw BrowserTestError("cannot attach to the tab")
        }
        let page = DevToolsPage(browser: self, session: session, targetID: targetID)
        for domain in ["Page", "Network", "Runtime", "Log"] {
            try send("\(domain).enable", session: session)
        }
        try page.resize(width: width, height: height)
        return page
    }
}
