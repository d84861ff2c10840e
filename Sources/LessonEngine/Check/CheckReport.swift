/// What `lessons check` found: every chapter's result and every problem, with file and line.
public struct CheckReport: Sendable {
    /// Chapters that could not be read at all.
    public var bookProblems: [LessonError]
    /// Reference-list entries whose chapter annotations differ from the real citations.
    public var referenceProblems: [LessonError] = []
    public var results: [ChapterResult]
    /// Errors running a chapter (the library did not build, a process could not start).
    public var runErrors: [String]
    /// Files `--accept` rewrote, with how many blocks in each.
    public var accepted: [(file: String, blocks: Int)] = []

    public var problems: [String] {
        (bookProblems + referenceProblems).map(\.description) + runErrors
            + results.flatMap(\.problems)
    }

    public var passed: Bool { problems.isEmpty }
}
