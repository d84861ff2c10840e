import Foundation
import Testing

@testable import LessonEngine

@Suite struct SubprocessTests {
    @Test func mergesStandardOutputAndErrorInOrder() throws {
        let result = try Subprocess(
            executable: "sh", arguments: ["-c", "echo one; echo two >&2; echo three"]
        ).run()
        #expect(result.text == "one\ntwo\nthree\n")
        #expect(result.termination == .exited(0))
    }

    @Test func reportsExitStatusAndSignals() throws {
        #expect(
            try Subprocess(executable: "sh", arguments: ["-c", "exit 3"]).run().termination
                == .exited(3))
        #expect(
            try Subprocess(executable: "sh", arguments: ["-c", "kill -ILL $$"]).run().termination
                == .signaled(4))
    }

    /// `lessons` ignores SIGINT and SIGTERM itself (a dispatch source handles them): its
    /// children must not inherit that, or Ctrl-C could not stop `swift build` gracefully.
    @Test func childrenGetTheDefaultSignalActionsAndMask() throws {
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR1)
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        let status = try Subprocess(executable: "cat", arguments: ["/proc/self/status"]).run().text
        func mask(_ name: String) -> UInt64? {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            return line.flatMap {
                UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
            }
        }
        let ignored = try #require(mask("SigIgn"))
        let blockedInChild = try #require(mask("SigBlk"))
        #expect(ignored & (1 << (UInt64(SIGTERM) - 1)) == 0, "SIGTERM is ignored in the child")
        #expect(
            blockedInChild & (1 << (UInt64(SIGUSR1) - 1)) == 0, "SIGUSR1 is blocked in the child")
    }

    @Test func standardInputIsAtEndOfFile() throws {
        let result = try Subprocess(
            executable: "sh", arguments: ["-c", "cat; echo done"], timeLimit: 10
        ).run()
        #expect(result.text == "done\n")
    }

    @Test func theTimeLimitKillsTheWholeProcessGroup() throws {
        // The child sleeps in a grandchild that holds the pipe open: both must die.
        let process = Subprocess(
            executable: "sh", arguments: ["-c", "echo start; sleep 30 & sleep 30"], timeLimit: 0.5)
        let result = try process.run()
        #expect(result.termination == .timedOut)
        #expect(result.seconds < 10)
        #expect(result.text == "start\n")
    }

    @Test func outputIsCappedAndMarkedTruncated() throws {
        var process = Subprocess(executable: "sh", arguments: ["-c", "yes | head -c 100000"])
        process.outputLimit = 1000
        let result = try process.run()
        #expect(result.output.count == 1000)
        #expect(result.truncated)
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: LessonError.self) {
            try Subprocess(executable: "no-such-program-xyz", arguments: []).run()
        }
    }
}
