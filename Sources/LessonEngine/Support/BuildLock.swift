import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a book, held while a command writes to it (`build`, `check --accept`),
/// so that two such commands started at once cannot corrupt each other's work.
///
/// It is an advisory `flock` on `.build-lessons/lessons.lock`: the kernel releases it when the
/// process ends, however it ends, so a crash never leaves a stale lock behind.
final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock, or fails at once, naming the process that holds it.
    init(root: URL) throws {
        let folder = root.appendingPathComponent(".build-lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("lessons.lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LessonError.system("cannot open \(path): \(errnoText())")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw LessonError.usage(
                "another lessons command is writing to this book (process \(holder ?? "unknown")); "
                    + "wait for it to finish and try again")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
