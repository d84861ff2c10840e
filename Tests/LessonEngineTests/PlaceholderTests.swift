import Testing
@testable import LessonEngine
@Test func placeholder() { #expect(Bool(true)) }
