import ArgumentParser
import Foundation
import LessonEngine

/// `lessons serve`: serve `Site/` on 127.0.0.1, rebuilding a chapter when its Markdown is
/// saved; open pages reload themselves. The engine's `LiveServer` does the work.
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
        let live = try LiveServer(workspace: workspace, port: port, log: say)
        // Builds the libraries once, then runs the chapters against that build.
        try live.start()
        say(
            "Serving \(live.url) — a live notebook: edit and run any block there; "
                + "save a chapter and its page reloads. Ctrl-C stops.")
        live.wait()
    }
}

/// Writes a line to standard output at once (`print` would hold it in a buffer when the
/// output is not a terminal).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
