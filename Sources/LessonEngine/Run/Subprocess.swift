import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program in its own process group, with standard output and standard error merged
/// into one pipe (so their order is kept), standard input at end-of-file, an optional time
/// limit that kills the whole process tree, and a cap on how much output is kept.
struct Subprocess: Sendable {
    /// How a run ended.
    enum Termination: Sendable, Equatable {
        /// The process exited with this status.
        case exited(Int32)
        /// The process was killed by this signal (a trap is SIGILL or SIGTRAP).
        case signaled(Int32)
        /// The time limit expired and the process group was killed.
        case timedOut
    }

    /// What a run produced.
    struct Result: Sendable {
        var termination: Termination
        /// Everything written to standard output and standard error, in order, up to the cap.
        var output: [UInt8]
        /// True when output beyond `outputLimit` was discarded.
        var truncated: Bool
        var seconds: Double

        var succeeded: Bool { termination == .exited(0) }
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var workingDirectory: String? = nil
    var timeLimit: Double? = nil
    var outputLimit: Int = 16 << 20
    /// Hears the child's pid (the leader of its process group) as soon as it is started.
    var onStart: (@Sendable (pid_t) -> Void)? = nil

    /// Runs the process to completion; `onOutput` sees every chunk as it arrives.
    func run(onOutput: (ArraySlice<UInt8>) -> Void = { _ in }) throws -> Result {
        let start = DispatchTime.now()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw LessonError.system("pipe failed: \(errnoText())") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)

        // A stopped run starts nothing more, and its Stop kills this process group at once.
        let cancellation = RunCancellation.current
        let pid: pid_t
        do {
            try cancellation?.check()
            pid = try ChildProcesses.shared.start { try spawn(outputFD: writeEnd) }
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        defer { ChildProcesses.shared.ended(pid) }
        onStart?(pid)
        cancellation?.started(pid)
        defer { cancellation?.ended(pid) }
        close(writeEnd)
        defer { close(readEnd) }

        var output: [UInt8] = []
        var truncated = false
        var timedOut = false
        let deadline = timeLimit.map { Double(start.uptimeNanoseconds) / 1e9 + $0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - Double(DispatchTime.now().uptimeNanoseconds) / 1e9
                if remaining <= 0 {
                    timedOut = true
                    kill(-pid, SIGKILL)
                    break
                }
                waitMilliseconds = Int32(min(remaining * 1000 + 1, 60_000))
            }
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(readEnd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let chunk = buffer[0..<count]
            let room = max(0, outputLimit - output.count)
            if room < count { truncated = true }
            output.append(contentsOf: chunk.prefix(room))
            onOutput(chunk.prefix(room))
        }
        // Children that kept the pipe open are part of the group: end them too.
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        kill(-pid, SIGKILL)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let termination: Termination
        if timedOut {
            termination = .timedOut
        } else if status & 0x7f == 0 {
            termination = .exited((status >> 8) & 0xff)
        } else {
            termination = .signaled(status & 0x7f)
        }
        return Result(
            termination: termination, output: output, truncated: truncated, seconds: seconds)
    }

    #if canImport(Glibc)
        /// glibc's `posix_spawn_file_actions_addchdir_np`, which its headers hide from Swift
        /// behind `_GNU_SOURCE`; looked up by name instead.
        private typealias AddChdir =
            @convention(c) (
                UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
            ) -> Int32
        private static var addChdir: AddChdir? {
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
                .map { unsafeBitCast($0, to: AddChdir.self) }
        }
        /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up by
        /// name like `addChdir`: the child keeps only its standard input, output and error.
        private typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        private static var addCloseFrom: AddCloseFrom? {
            dlsym(
                UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
            )
            .map { unsafeBitCast($0, to: AddCloseFrom.self) }
        }
    #else
        private static var addChdir:
            (
                @convention(c) (
                    UnsafeMutablePointer<posix_spawn_file_actions_t?>, UnsafePointer<CChar>
                ) -> Int32
            )?
        {
            posix_spawn_file_actions_addchdir_np
        }
    #endif

    private func spawn(outputFD: Int32) throws -> pid_t {
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputFD, 1)
        posix_spawn_file_actions_adddup2(&actions, outputFD, 2)
        if let workingDirectory {
            guard let addChdir = Self.addChdir else {
                throw LessonError.system("this C library cannot set a child's working directory")
            }
            _ = addChdir(&actions, workingDirectory)
        }
        // Nothing else the engine has open reaches the child: not the server's listening
        // socket nor its connections (SwiftNIO opens them without close-on-exec), so a
        // compiler or program that outlives the server cannot hold its port.
        #if canImport(Glibc)
            if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group; SIGINT and SIGTERM back at their default actions and no
        // signal blocked, whatever `Interruption` did to them in this process.
        #if canImport(Glibc)
            posix_spawnattr_setflags(
                &attributes,
                Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        #else
            posix_spawnattr_setflags(
                &attributes,
                Int16(
                    POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
                        | POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp =
            environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw LessonError.system(
                "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// The text of the current `errno`.
func errnoText() -> String { String(cString: strerror(errno)) }
