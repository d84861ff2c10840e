import Foundation

/// Headless Chromium, driven from the command line: dump a page's DOM after its scripts ran,
/// and everything it logged to the console; or take a screenshot.
enum Chromium {
    /// The browser, if installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { executable != nil }

    private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--hide-scrollbars",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
            ] + arguments
        // Standard error goes to a file, so the pipe of standard output alone is read.
        let log = profile.appendingPathExtension("log")
        defer { try? FileManager.default.removeItem(at: log) }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? Data(contentsOf: log)) ?? Data()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The DOM after scripts ran, and the console messages the page logged.
    static func load(_ url: String, dark: Bool = false) throws -> (dom: String, console: [String]) {
        let (dom, log) = try run((dark ? ["--force-dark-mode"] : []) + ["--dump-dom", url])
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (dom, console)
    }

    /// Saves a screenshot of the page.
    static func screenshot(
        _ url: String, to file: URL, width: Int = 1400, height: Int = 1000,
        dark: Bool = false
    ) throws {
        _ = try run(
            (dark ? ["--force-dark-mode"] : []) + [
                "--window-size=\(width),\(height)", "--screenshot=\(file.path)", url,
            ])
    }
}
