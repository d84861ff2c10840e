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
