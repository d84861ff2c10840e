import Foundation
import Testing

@testable import LessonEngine

@Suite struct BuildLockTests {
    @Test func aSecondWriterIsRefusedUntilTheFirstIsDone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var first: BuildLock? = try BuildLock(root: root)
        let refusal = #expect(throws: LessonError.self) { try BuildLock(root: root) }
        #expect(
            refusal?.description.contains(
                "another lessons command is writing to this book (process \(getpid()))") == true)
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { _ = try BuildLock(root: root) }
    }
}
