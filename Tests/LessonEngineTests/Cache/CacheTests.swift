import Foundation
import Testing

@testable import LessonEngine

/// The cache's correctness: every input that can change a run changes its key, and nothing
/// else does; entries survive prose edits and are never trusted when damaged.
@Suite struct CacheTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cache-\(UUID().uuidString)")

    let source = """
        # 1 T

        Prose.

        ```swift
        print("a")
        ```

        ```output
        a
        ```

        ```swift fails
        let x: Int = "no"
        ```
        """

    func context() -> CacheContext {
        CacheContext(
            toolchainVersion: "Swift 6.3.1", librarySources: "abc", timeLimit: 600,
            outputLimit: 100, root: root)
    }

    func key(_ text: String, file: String = "Chapters/01-t.md", context: CacheContext? = nil) throws
        -> String
    {
        try (context ?? self.context()).key(for: ChapterParser(file: file, source: text).parse())
    }

    @Test func proseExpectedOutputsAndLinesDoNotChangeTheKey() throws {
        let base = try key(source)
        #expect(
            try key(
                source.replacingOccurrences(of: "Prose.", with: "Other prose,\nover two lines."))
                == base)
        #expect(
            try key(source.replacingOccurrences(of: "```output\na\n```", with: "```output\nb\n```"))
                == base)
        #expect(
            try key(
                source.replacingOccurrences(
                    of: "```swift\nprint", with: "```swift name=first\nprint")) == base)
    }

    @Test func everyInputThatCanChangeTheRunChangesTheKey() throws {
        let base = try key(source)
        var changed: [String] = []
        changed.append(
            try key(source.replacingOccurrences(of: "print(\"a\")", with: "print(\"b\")")))
        changed.append(
            try key(
                source.replacingOccurrences(of: "```swift\nprint", with: "```swift hidden\nprint")))
        changed.append(
            try key(
                source.replacingOccurrences(of: "```swift fails", with: "```swift fails isolated")))
        changed.append(try key(source, file: "Chapters/02-t.md"))
        var other = context()
        other.toolchainVersion = "Swift 6.4"
        changed.append(try key(source, context: other))
        other = context()
        other.librarySources = "abd"
        changed.append(try key(source, context: other))
        other = context()
        other.timeLimit = 60
        changed.append(try key(source, context: other))
        #expect(!changed.contains(base))
        #expect(Set(changed).count == changed.count)
    }

    @Test func aDeclaredDataFileIsPartOfTheKey() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data.csv")
        try Data("1,2\n".utf8).write(to: data)
        let reading = source.replacingOccurrences(
            of: "```swift\nprint", with: "```swift reads=data.csv\nprint")
        let first = try key(reading)
        #expect(try key(reading) == first)
        try Data("1,3\n".utf8).write(to: data)
        #expect(try key(reading) != first)
        try FileManager.default.removeItem(at: data)
        #expect(throws: LessonError.self) { try key(reading) }
    }

    @Test func theLibrarySourcesHashFollowsEveryFile() throws {
        let package = root.appendingPathComponent("pkg")
        let sources = package.appendingPathComponent("Sources/NeuralNet")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("// package".utf8).write(to: package.appendingPathComponent("Package.swift"))
        try Data("let a = 1".utf8).write(to: sources.appendingPathComponent("A.swift"))
        let first = try CacheContext.hashSources(root: package)
        #expect(try CacheContext.hashSources(root: package) == first)
        try Data("let a = 2".utf8).write(to: sources.appendingPathComponent("A.swift"))
        let second = try CacheContext.hashSources(root: package)
        #expect(second != first)
        try Data("".utf8).write(to: sources.appendingPathComponent("B.swift"))
        #expect(try CacheContext.hashSources(root: package) != second)
    }

    /// A run as the runner would report it: block 0 printed `a`, block 1 failed to compile.
    func run(of chapter: Chapter) -> ChapterResult {
        let diagnostic = Diagnostic(
            file: chapter.file, line: chapter.blocks[1].codeLine, column: 14, severity: "error",
            message: "no")
        return ChapterResult(
            chapter: chapter,
            blocks: [
                ChapterRunner.result(
                    chapter.blocks[0], output: "a\n", outcome: .completed, seconds: 0.25,
                    figures: [BlockFigure(svg: "<svg/>", altText: "a plot", savedAs: nil)]),
                ChapterRunner.result(
                    chapter.blocks[1], output: "error: no\n", outcome: .compileError([diagnostic])),
            ], compileSeconds: 1, runSeconds: 2)
    }

    @Test func aStoredRunComesBackAtTheChaptersNewLines() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ResultCache(root: root)
        let chapter = try ChapterParser(file: "Chapters/01-t.md", source: source).parse()
        #expect(cache.store(run(of: chapter), key: "k1"))
        let moved = try ChapterParser(
            file: "Chapters/01-t.md", source: "# 1 T\n\nA new\nparagraph.\n" + source.dropFirst(6)
        ).parse()
        let loaded = try #require(cache.load(key: "k1", chapter: moved))
        #expect(loaded.fromCache)
        #expect(loaded.blocks.map(\.output) == ["a\n", "error: no\n"])
        #expect(loaded.blocks[0].seconds == 0.25)
        #expect(
            loaded.blocks[0].figures == [
                BlockFigure(svg: "<svg/>", altText: "a plot", savedAs: nil)
            ])
        guard case .compileError(let diagnostics) = loaded.blocks[1].outcome else {
            Issue.record("outcome lost: \(loaded.blocks[1].outcome)")
            return
        }
        #expect(diagnostics.first?.line == moved.blocks[1].codeLine)
        #expect(moved.blocks[1].codeLine == chapter.blocks[1].codeLine + 3)
        #expect(loaded.passed)
        // Expected outputs are compared afresh: a changed expectation fails without a run.
        let expecting = try ChapterParser(
            file: "Chapters/01-t.md",
            source: source.replacingOccurrences(of: "```output\na\n", with: "```output\nb\n")
        ).parse()
        #expect(try #require(cache.load(key: "k1", chapter: expecting)).blocks[0].diff != nil)
    }

    @Test func failingRunsAreNotKeptAndDamagedEntriesAreNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ResultCache(root: root)
        let chapter = try ChapterParser(file: "Chapters/01-t.md", source: source).parse()
        var failing = run(of: chapter)
        failing.blocks[0] = ChapterRunner.result(
            chapter.blocks[0], output: "", outcome: .trapped(message: "x", line: nil))
        #expect(!cache.store(failing, key: "k2"))
        #expect(cache.load(key: "k2", chapter: chapter) == nil)

        #expect(cache.store(run(of: chapter), key: "k3"))
        let file = cache.folder.appendingPathComponent("k3.json")
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        #expect(cache.load(key: "k3", chapter: chapter) == nil, "a half-written entry is a miss")
        try data.write(to: cache.folder.appendingPathComponent("k4.json"))
        #expect(
            cache.load(key: "k4", chapter: chapter) == nil,
            "an entry filed under another key is a miss")
    }
}
