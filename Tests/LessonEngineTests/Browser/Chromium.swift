import Foundation

/// Where Chromium is installed, for the browser tests (`DevToolsBrowser` drives it).
enum Chromium {
    /// The browser, if installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { executable != nil }
}
