import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `lessons serve` looks at every second before it reads anything: the path, size and
/// modification time of every file under `Chapters/` and `po/` (the translations), of `Package.swift` and of the libraries'
/// sources. Equal stamps mean nothing was saved, so the watcher parses no chapter and hashes
/// no source (which took a third of the server's time, a core's worth, slowing every run).
struct SourceStamp: Equatable {
    private var files: [String: [Int]] = [:]

    init(root: URL, libraries: [String]) {
        var paths = ["Package.swift"]
        let manager = FileManager.default
        for folder in ["Chapters", "po"] + libraries.map({ "Sources/\($0)" }) {
            let enumerator = manager.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String {
                paths.append("\(folder)/\(path)")
            }
        }
        for path in paths {
            var info = stat()
            guard stat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
            files[path] = [
                Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
                Int(info.st_ino),
            ]
        }
    }
}
