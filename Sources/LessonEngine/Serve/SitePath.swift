import Foundation

/// Maps a request's path to a file of the site, refusing anything outside it.
enum SitePath {
    /// The file for `requestPath` (`/chapter3.html?x#y`, `/`, `/katex/fonts/A.woff2`), or nil
    /// when it would leave `site` (`..`, an encoded `..`, a symbolic link pointing out).
    static func resolve(_ requestPath: String, in site: URL) -> URL? {
        var path = String(requestPath.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding else { return nil }
        path = decoded
        if path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return nil
        }
        let root = site.standardizedFileURL.resolvingSymlinksInPath()
        let file = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
            .resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/") else { return nil }
        return file
    }

    /// The content type for a file name.
    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "json": "application/json"
        case "md", "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
