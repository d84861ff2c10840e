import Testing

@testable import LessonEngine

@Suite struct TrapReportTests {
    let crashLog = """
        *** Program crashed: Illegal instruction at 0x00007f854c16df7f ***

        Thread 0 "prog" crashed:

          0      0x00007f854c16df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
          2 [ra] 0x00007f854c8b0f65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
          3 [ra] 0x000055e7bdcd8195 f(_:) + 52 in main at Chapters/03.md:20:28
          4 [ra] 0x000055e7bdcd8337 main + 374 in main at Chapters/03.md:21:7
        """

    @Test func cleansTheOutputAndFindsTheInnermostChapterFrame() {
        let raw =
            "partial\nSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n\n"
            + "*** Signal 4: Backtracing from 0x7f854c16df7f... done ***\n\n"
        let report = TrapReport(output: raw, crashLog: crashLog, file: "Chapters/03.md", signal: 4)
        #expect(report.output == "partial\nFatal error: Index out of range\n")
        #expect(report.message == "Fatal error: Index out of range")
        #expect(report.line == 20)
    }

    @Test func withoutAFatalErrorTheCrashLogNamesTheCrash() {
        let report = TrapReport(output: "", crashLog: crashLog, file: "Chapters/03.md", signal: 4)
        #expect(report.message == "Program crashed: Illegal instruction")
        #expect(report.output == "Program crashed: Illegal instruction\n")
        let other = TrapReport(output: "x\n", crashLog: nil, file: "Chapters/03.md", signal: 11)
        #expect(other.message == "crashed with signal 11")
        #expect(other.line == nil)
    }

    @Test func framesInOtherFilesAreNotTheChaptersLine() {
        #expect(TrapReport.firstFrameLine(in: crashLog, file: "Chapters/04.md") == nil)
    }

    /// A fault just below the stack pointer is the stack's guard: the log (with the crashed
    /// thread's registers) of the stack-overflow fixture, shortened.
    @Test func aFaultInTheStackGuardIsAStackOverflow() {
        let log = """
            *** Program crashed: Bad pointer dereference at 0x00007ffe5b5f4ff8 ***

            Thread 0 "main" crashed:

                 0      0x00005585b8c8ee67 depth(_:) + 23 in main at Chapters/98.md:6
                 1 [ra] 0x00005585b8c8eea6 depth(_:) + 85 in main at Chapters/98.md:6:54

            Registers:

            rax 0x000000000001ff00  130816
            rbp 0x00007ffe5b5f5030  <memory>
            rsp 0x00007ffe5b5f5000  <memory>
            rip 0x00005585b8c8ee67  <memory>
            """
        let report = TrapReport(
            output: "going down\n", crashLog: log, file: "Chapters/98.md", signal: 11)
        #expect(report.message == "Program crashed: stack overflow (likely unbounded recursion)")
        #expect(
            report.output
                == "going down\nProgram crashed: stack overflow (likely unbounded recursion)\n")
        #expect(report.line == 6)
        // A frame's store just above the new stack pointer faults in the guard too (the
        // prologue has already moved the pointer down): which instruction meets the guard
        // first depends on where the stack started, so both must read as an overflow.
        let store = log.replacingOccurrences(of: "0x00007ffe5b5f4ff8", with: "0x00007ffe5b5f5010")
        #expect(
            TrapReport(output: "", crashLog: store, file: "Chapters/98.md", signal: 11).message
                == "Program crashed: stack overflow (likely unbounded recursion)")
        // A null pointer, or an address far from the stack pointer, is an ordinary bad pointer.
        for address in ["0x0000000000000010", "0x00007ffe5b6f5000", "0x00007ffe5b4f4ff8"] {
            let other = log.replacingOccurrences(of: "0x00007ffe5b5f4ff8", with: address)
            #expect(
                TrapReport(output: "", crashLog: other, file: "Chapters/98.md", signal: 11).message
                    == "Program crashed: Bad pointer dereference", "\(address)")
        }
        let noRegisters = log.components(separatedBy: "Registers:")[0]
        #expect(TrapReport.crashLine(in: noRegisters) == "Program crashed: Bad pointer dereference")
    }
}
