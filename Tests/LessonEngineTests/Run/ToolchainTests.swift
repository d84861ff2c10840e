import Foundation
import Testing

@testable import LessonEngine

@Suite struct ToolchainTests {
    @Test func aMissingCompilerIsOneClearSentence() throws {
        var toolchain = Toolchain(root: TestPackage.root)
        toolchain.compilerCommand = "swiftc-not-installed"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            throws: LessonError.system(
                "the Swift compiler (swiftc-not-installed) is not on PATH: install Swift 6 and put its bin folder on PATH"
            )
        ) {
            try toolchain.compile(ProgramSource(blocks: []), in: folder, name: "x")
        }
        toolchain.swiftCommand = "swift-not-installed"
        #expect(
            throws: LessonError.system(
                "the Swift toolchain (swift-not-installed) is not on PATH: install Swift 6 and put its bin folder on PATH"
            )
        ) {
            try toolchain.buildLibrary()
        }
    }

    @Test func aLibraryBuildThatNeverEndsIsStopped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A `swift` that prints what a build prints, then never exits.
        let stub = folder.appendingPathComponent("swift")
        try Data("#!/bin/sh\necho 'Build complete!'\nexec sleep 600\n".utf8).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        var toolchain = Toolchain(root: folder)
        toolchain.swiftCommand = stub.path
        toolchain.libraryBuildTimeLimit = 1
        let start = Date()
        #expect {
            try toolchain.buildLibrary()
        } throws: { error in
            guard case LessonError.system(let message) = error else { return false }
            return message.hasPrefix(
                "building the NeuralNet library did not finish within 1 s and was stopped")
                && message.contains("Build complete!")
        }
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// A compile that never ends (before, it had no limit at all) is stopped at the compile
    /// time limit, and the chapter's blocks say so at their lines.
    @Test func aCompileThatNeverEndsIsStoppedAndReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stub = folder.appendingPathComponent("swiftc")
        try Data("#!/bin/sh\nexec sleep 600\n".utf8).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        var toolchain = Toolchain(root: folder)
        toolchain.compilerCommand = stub.path
        toolchain.compileTimeLimit = 1
        let chapter = try ChapterParser(
            file: "Chapters/01.md", source: "# 1 One\n\n```swift\nprint(1)\n```\n"
        ).parse()
        let start = Date()
        let result = try ChapterRunner(toolchain: toolchain).run(chapter)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(
            result.problems == [
                "Chapters/01.md:3:1: error: the chapter program did not compile:\n"
                    + "compiling did not finish within the compile time limit of 1 s and was "
                    + "stopped (--compile-time-limit)"
            ], "\(result.problems)")
        #expect(Workspace(root: folder, compileTimeLimit: 5).toolchain.compileTimeLimit == 5)
    }

    @Test func librariesUseAVX2OnlyWhereTheProcessorHasIt() {
        #if arch(x86_64)
            let haswell = ["-Xswiftc", "-target-cpu", "-Xswiftc", "haswell"]
            #expect(
                Toolchain.cpuArguments(
                    cpuInfo: "processor : 0\nflags : fpu sse2 avx avx2 fma bmi2\n") == haswell)
            #expect(Toolchain.cpuArguments(cpuInfo: "flags : fpu sse2 avx\n") == [])
            #expect(
                Toolchain.cpuArguments(cpuInfo: "flags : avx2\n") == [],
                "AVX2 without FMA is not Haswell")
            #expect(Toolchain.cpuArguments(cpuInfo: nil) == [])
        #endif
    }

    @Test func librariesUseAVX512WhereTheProcessorHasAllOfItsParts() {
        #if arch(x86_64)
            let base = "flags : fpu sse2 avx avx2 fma bmi2"
            let full = base + " avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16\n"
            #expect(
                Toolchain.cpuArguments(cpuInfo: full) == [
                    "-Xswiftc", "-target-cpu", "-Xswiftc", "skylake-avx512",
                    "-Xswiftc", "-D", "-Xswiftc", "NEURALNET_AVX512",
                ])
            // AVX-512 F alone (Knights Landing has no BW, DQ or VL): Haswell's code.
            #expect(
                Toolchain.cpuArguments(cpuInfo: base + " avx512f avx512cd\n") == [
                    "-Xswiftc", "-target-cpu", "-Xswiftc", "haswell",
                ])
        #endif
    }

    @Test func diagnosticsAreReadFromLLVMStyleOutput() {
        let text = """
            Chapters/03.md:44:14: error: cannot convert value of type 'String' to specified type 'Int'
            let y: Int = "s"
                         ^~~
            Chapters/03.md:40:5: warning: initialization of immutable value 'x' was never used
            /tmp/main.swift:3:1: note: something: with a colon
            """
        let diagnostics = Diagnostic.parse(text)
        #expect(diagnostics.map(\.line) == [44, 40, 3])
        #expect(
            diagnostics[0].message
                == "cannot convert value of type 'String' to specified type 'Int'")
        #expect(diagnostics[1].severity == "warning")
        #expect(diagnostics[2].message == "something: with a colon")
    }

    /// The linker names a line but no column (`file:17: error: undefined reference to 'f'`),
    /// from the program's line tables: that line is the failing block's.
    @Test func linkErrorsAreReadWithTheirLine() {
        let text = """
            error: link command failed with exit code 1 (use -v to see invocation)
            Chapters/03.md:17: error: undefined reference to 'missing: really'
            clang: error: linker command failed with exit code 1 (use -v to see invocation)
            """
        let diagnostics = Diagnostic.parse(text)
        #expect(
            diagnostics == [
                Diagnostic(
                    file: "Chapters/03.md", line: 17, column: 1, severity: "error",
                    message: "undefined reference to 'missing: really'")
            ])
    }
}

@Suite struct ToolchainCompileJobsTests {
    /// The jobs the Swift driver would run for the engine's compile command (`-###`).
    private func plannedJobs(_ toolchain: Toolchain) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jobs-\(UUID().uuidString)")
        let arguments = toolchain.compileArguments(
            source: folder.appendingPathComponent("main.swift"),
            executable: folder.appendingPathComponent("main"))
        let plan = try Subprocess(
            executable: toolchain.compilerCommand, arguments: arguments + ["-###"]
        ).run()
        #expect(plan.succeeded, "swiftc -### failed: \(plan.text)")
        return plan.text.split(separator: "\n").map(String.init)
    }

    @Test func aChapterProgramIsTypeCheckedOnce() throws {
        // Full `-g` makes the driver add an `-emit-module` job that type-checks the whole
        // program a second time (for the debugger); line tables are all traps need.
        let frontendJobs = try plannedJobs(Toolchain(root: TestPackage.root)).filter {
            $0.contains("swift-frontend -frontend")
        }
        #expect(frontendJobs.count == 1, "\(frontendJobs)")
        #expect(frontendJobs.allSatisfy { !$0.contains("-emit-module") })
    }

    @Test func fullDebugInfoIsTheOldPathForBenchmarks() {
        #expect(Toolchain.debugInfoArguments(environment: [:]) == ["-gline-tables-only"])
        #expect(
            Toolchain.debugInfoArguments(environment: ["LESSONS_CHAPTER_DEBUG_INFO": "full"])
                == ["-g"])
    }
}
