import Foundation

@testable import LessonEngine

/// The package under test, its engine build of the library (made once), and its fixtures.
enum TestPackage {
    /// The repository root: three folders above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The library's release build, made once for every test that runs chapter code.
    private static let libraryBuild: Result<Double, LessonError> = {
        do { return .success(try Toolchain(root: root).buildLibrary()) } catch let error
            as LessonError
        {
            return .failure(error)
        } catch { return .failure(LessonError.system("\(error)")) }
    }()

    /// A toolchain whose library is built.
    static func toolchain() throws -> Toolchain {
        _ = try libraryBuild.get()
        return Toolchain(root: root)
    }

    /// The path, relative to the root, of a fixture chapter.
    static func fixturePath(_ name: String) -> String { "Tests/LessonEngineTests/Fixtures/\(name)" }

    /// A fixture chapter, parsed.
    static func fixture(_ name: String) throws -> Chapter {
        let file = fixturePath(name)
        let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        return try ChapterParser(file: file, source: source).parse()
    }

    /// Runs a fixture chapter.
    static func run(_ name: String, timeLimit: Double = 120) throws -> ChapterResult {
        try ChapterRunner(toolchain: toolchain(), timeLimit: timeLimit).run(fixture(name))
    }

    /// The line (1-based) of the first line of a fixture containing `text`.
    static func line(of text: String, in name: String) throws -> Int {
        let source = try String(
            contentsOf: root.appendingPathComponent(fixturePath(name)), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }
}
