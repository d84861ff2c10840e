import Foundation
import Testing

@testable import LessonEngine

/// Ctrl-C or SIGTERM to a real `lessons run`, at each stage of its work: every process it
/// started ends with it, its temporary folder goes, and it exits 130 or 143. Before, `swift
/// build` and `swiftc` ran on as orphans and `$TMPDIR/lessons-chapter1-*` stayed behind.
@Suite struct InterruptionTests {
    enum Stage: String, CaseIterable, Sendable {
        /// `swift build` of the libraries.
        case libraryBuild
        /// `swiftc` compiling the chapter program.
        case compile
        /// The chapter program, spinning.
        case run
    }

    @Test(arguments: [(Stage.libraryBuild, SIGTERM), (.compile, SIGINT), (.run, SIGINT)])
    func aSignalEndsEveryChildAndRemovesTheTemporaryFolder(stage: Stage, signal: Int32) throws {
        let lessons = try #require(Self.lessonsExecutable(), "the lessons executable is built")
        let root = try TinyPackage.make(
            libraries: Toolchain.defaultLibraries,
            chapters: [
                "01-spin.md":
                    "# 1 Spin\n\n```swift\nvar spins = 0\nwhile true { spins &+= 1 }\n```\n"
            ])
        defer { try? FileManager.default.removeItem(at: root) }
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let log = root.appendingPathComponent("lessons.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = lessons
        process.arguments = ["run", "chapter1", "--root", root.path]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Wait for the stage, noting every process below `lessons` on the way.
        var seen: Set<pid_t> = []
        let deadline = Date().addingTimeInterval(600)
        var ready = false
        while !ready, process.isRunning, Date() < deadline {
            let below = ProcessTree.descendants(of: process.processIdentifier)
            seen.formUnion(below)
            let names = Set(below.map(Self.command))
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            switch stage {
            case .libraryBuild: ready = names.contains("swift-build")
            case .compile:
                ready =
                    text.contains("Compiling chapter1") && !text.contains("▶")
                    && (names.contains("swift-frontend") || names.contains("swiftc"))
            case .run: ready = text.contains("▶ [1/1]") && names.contains("main")
            }
            if !ready { usleep(20_000) }
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try #require(ready, "lessons never reached \(stage):\n\(text)")
        seen.formUnion(ProcessTree.descendants(of: process.processIdentifier))
        if stage == .run {
            let folders = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            #expect(folders.contains { $0.hasPrefix("lessons-chapter1-") }, "\(folders)")
        }

        kill(process.processIdentifier, signal)
        let stopBy = Date().addingTimeInterval(30)
        while process.isRunning, Date() < stopBy { usleep(20_000) }
        #expect(!process.isRunning, "lessons did not stop within 30 s")
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)

        // Killed processes are reaped by init at once; give it a moment.
        var left: [pid_t] = []
        for _ in 0..<50 {
            left = seen.filter(ProcessTree.isRunning) + Self.processes(mentioning: root.path)
            if left.isEmpty { break }
            usleep(100_000)
        }
        #expect(left.isEmpty, "still running: \(left.map { "\($0) \(Self.command($0))" })")
        // SwiftPM keeps lock files and `TemporaryDirectory.*` in TMPDIR even when not
        // interrupted; the folders that are ours are named `lessons-…`.
        let remaining = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            .filter { $0.hasPrefix("lessons-") }
        #expect(remaining.isEmpty, "left in TMPDIR: \(remaining)")
    }

    /// The `lessons` executable built beside this test bundle.
    static func lessonsExecutable() -> URL? {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            TestPackage.root.appendingPathComponent(".build/debug"),
        ].compactMap { $0?.appendingPathComponent("lessons") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A process's command name (`swift-build`, `main`).
    static func command(_ pid: pid_t) -> String {
        ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Running processes whose command line mentions `text`.
    static func processes(mentioning text: String) -> [pid_t] {
        ProcessTree.all().filter { entry in
            guard entry.state != "Z", entry.pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(entry.pid)/cmdline")
            else { return false }
            return String(decoding: data, as: UTF8.self).contains(text)
        }.map(\.pid)
    }
}
