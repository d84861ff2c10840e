import Foundation

/// `lessons serve` without the terminal: serves `Site/` and, on a background thread, looks at
/// the chapters every `interval` seconds, reruns the ones saved since, rewrites the site when
/// everything passes and tells open pages to reload. What it does is reported, line by line,
/// to `log`; a broken save is reported there and the previous site goes on being served. Its
/// pages are live notebooks (see `Notebook`).
public final class LiveServer: @unchecked Sendable {
    public let server: SiteServer
    private let interval: Double
    private let log: @Sendable (String) -> Void
    /// Used by `start()` before the watcher exists, then by the watcher alone.
    private var site: LiveSite
    private var lastError: String?
    /// Guards `state`; signalled when it changes.
    private let condition = NSCondition()
    private var state = State.created

    private enum State { case created, watching, stopping, stopped }

    /// Listens on 127.0.0.1:`port` (0 for any free port) and serves the site as it is; call
    /// `start()` to build it and watch the chapters. Blocks until the port is bound.
    public init(
        workspace: Workspace, port: UInt16 = 0, interval: Double = 1,
        log: @escaping @Sendable (String) -> Void
    ) throws {
        site = try LiveSite(workspace: workspace)
        server = try SiteServer(
            site: workspace.root.appendingPathComponent("Site"), port: port,
            notebook: Notebook(workspace: workspace))
        self.interval = interval
        self.log = log
    }

    /// The site's address, with the token the notebook needs.
    public var url: String { server.urlWithToken }

    /// Builds the libraries (once), runs every chapter and writes the site if all pass
    /// (reporting what happened), then serves it and starts watching the chapters. Throws if
    /// the book cannot be read at all.
    public func start() throws {
        log("Building the libraries (release)…")
        do {
            if let seconds = try site.buildLibraryFirst() {
                log("Built the libraries in \(String(format: "%.1f", seconds)) s.")
            }
        } catch {
            log("\(error)")
        }
        report(try site.refresh())
        let began = condition.withLock {
            guard state == .created else { return false }
            state = .watching
            return true
        }
        guard began else { return }
        Thread { [self] in watch() }.start()
    }

    /// Stops watching (waiting for a rebuild under way to finish) and stops serving.
    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        switch state {
        case .created:
            state = .stopped
            condition.broadcast()
        case .watching:
            state = .stopping
            condition.broadcast()
            while state != .stopped { condition.wait() }
        case .stopping, .stopped:
            while state != .stopped { condition.wait() }
            return
        }
        server.stop()
    }

    /// Blocks until `stop()`: all `lessons serve` does once the site is served.
    public func wait() {
        condition.lock()
        while state != .stopped { condition.wait() }
        condition.unlock()
    }

    private func watch() {
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: interval)
            while state == .watching, condition.wait(until: deadline) {}
            if state != .watching {
                state = .stopped
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            look()
        }
    }

    /// One look at the chapters: rebuild what was saved, and report it.
    private func look() {
        do {
            let change = try site.refresh()
            lastError = nil
            guard let change else { return }
            report(change)
            if change.siteWritten { server.siteChanged() }
        } catch {
            // Chapters/ moved away, say: the server goes on serving the site it has, tries
            // again at the next look, and says so once however many looks it lasts.
            let message = "Could not rebuild: \(error)"
            if message != lastError { log(message) }
            lastError = message
        }
    }

    private func report(_ change: LiveSite.Change?) {
        for line in change?.report ?? [] { log(line) }
    }
}
