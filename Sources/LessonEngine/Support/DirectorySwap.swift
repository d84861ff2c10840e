import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a folder with another in one step, so that no reader, crash or interruption ever
/// sees it half-written or missing.
enum DirectorySwap {
    /// Puts `replacement` where `target` is. Where the system can exchange two paths
    /// atomically (Linux `renameat2` with `RENAME_EXCHANGE`), it does; the old contents end up
    /// at `replacement`'s path and are removed.
    static func replace(_ target: URL, with replacement: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: replacement, to: target)
            return
        }
        if let exchange, exchange(AT_FDCWD, replacement.path, AT_FDCWD, target.path, 2) == 0 {
            try? manager.removeItem(at: replacement)
            return
        }
        // No atomic exchange here: two renames, restoring the old folder if the second fails.
        let old = replacement.deletingLastPathComponent()
            .appendingPathComponent(replacement.lastPathComponent + "-previous")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: target, to: old)
        do {
            try manager.moveItem(at: replacement, to: target)
        } catch {
            try? manager.moveItem(at: old, to: target)
            throw error
        }
        try? manager.removeItem(at: old)
    }

    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
        ) -> Int32

    /// glibc's `renameat2`, looked up by name: its declaration is hidden from Swift.
    private static var exchange: RenameAt2? {
        #if os(Linux)
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
                .map { unsafeBitCast($0, to: RenameAt2.self) }
        #else
            nil
        #endif
    }
}
