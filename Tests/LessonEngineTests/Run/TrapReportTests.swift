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
}
