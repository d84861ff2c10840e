import Testing

@testable import LessonEngine

@Suite struct ProcessTreeTests {
    @Test func aStatLineIsReadAfterItsCommandWhateverTheCommandHolds() {
        #expect(
            ProcessTree.entry(pid: 42, stat: "42 (a (b) c) S 7 42 42 0 -1")
                == ProcessTree.Entry(pid: 42, parent: 7, state: "S"))
        #expect(ProcessTree.entry(pid: 1, stat: "garbage") == nil)
    }
}
