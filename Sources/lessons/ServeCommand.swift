import ArgumentParser
import Foundation
import LessonEngine

/// `lessons serve`: serve `Site/` on 127.0.0.1, rebuilding a chapter when its Markdown is
/// saved; open pages reload themselves.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Site/ on 127.0.0.1, rebuild a chapter when it is saved, reload the page."
    )

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let reporter = TerminalReporter()
        reporter.status("Building the libraries (release)…")
        reporter.done(seconds: try workspace.toolchain.buildLibrary())
        var site = try LiveSite(workspace: workspace)
        report(try site.refresh())
        let server = try SiteServer(site: workspace.root.appendingPathComponent("Site"), port: port)
        server.start()
        say("Serving \(server.url) — edit a chapter and the page reloads; Ctrl-C stops.")
        while true {
            Thread.sleep(forTimeInterval: 1)
            guard let change = try site.refresh() else { continue }
            report(change)
            if change.problems.isEmpty { server.siteChanged() }
        }
    }

    private func report(_ change: (rerun: [String], problems: [String])?) {
        guard let change else { return }
        say("Ran \(change.rerun.isEmpty ? "nothing" : change.rerun.joined(separator: ", ")).")
        if change.problems.isEmpty {
            say("Site/ rewritten.")
        } else {
            say("Site/ kept as it was; \(change.problems.count) problem(s):")
            for problem in change.problems { say("  \(problem)") }
        }
    }
}

/// Writes a line to standard output at once (`print` would hold it in a buffer when the
/// output is not a terminal).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
