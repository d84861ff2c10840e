import Foundation

/// Builds the network library and compiles chapter programs against it.
///
/// The library is built in release mode with its own scratch path (`.build-lessons/`), so the
/// engine never waits on the lock of a `swift build` or `swift test` that is running it.
public struct Toolchain: Sendable {
    /// The package root: the folder with `Package.swift`.
    public var root: URL
    /// Where the engine's own build of the library lives.
    public var scratchPath: URL
    /// Optimisation for chapter programs: `-Onone` compiles fastest; the library is optimised.
    public var optimization = "-Onone"
    /// Debug information for chapter programs (see `debugInfoArguments(environment:)`).
    public var debugInfo = Toolchain.debugInfoArguments(
        environment: ProcessInfo.processInfo.environment)
    /// The dynamic libraries chapter programs import and link.
    public var libraries = Toolchain.defaultLibraries
    /// The commands that build and compile, looked up on `PATH`.
    public var swiftCommand = "swift"
    public var compilerCommand = "swiftc"
    /// How long one library build may take, in seconds, before it is stopped: a first release
    /// build takes one to three minutes here, and a build that never ends (a SwiftPM process
    /// that hangs after building) would otherwise hold up the whole check.
    public var libraryBuildTimeLimit: Double = 20 * 60
    /// How long compiling one chapter program may take, in seconds, before it is stopped and
    /// reported as the chapter's compile error (a chapter compiles in well under a minute; a
    /// type-checker blow-up can take hours).
    public var compileTimeLimit: Double = 10 * 60

    /// The network library, `Figures` for `show(_:)`, and the brain models.
    public static let defaultLibraries = ["NeuralNet", "Figures", "Brain"]

    public init(root: URL) {
        self.root = root
        self.scratchPath = root.appendingPathComponent(".build-lessons")
    }

    /// The folder holding `libNeuralNet.so`, `libFigures.so` and `Modules/`.
    var libraryDirectory: URL { scratchPath.appendingPathComponent("release") }

    /// Builds (or brings up to date) the release build of the libraries.
    public func buildLibrary() throws -> Double {
        var seconds = 0.0
        for library in libraries {
            let build = Subprocess(
                executable: swiftCommand,
                arguments: [
                    "build", "-c", "release", "--product", library,
                    "--scratch-path", scratchPath.path,
                ] + Self.cpuArguments(),
                workingDirectory: root.path, timeLimit: libraryBuildTimeLimit)
            let result = try run(
                build, missing: "the Swift toolchain (\(swiftCommand)) is not on PATH")
            if result.termination == .timedOut {
                throw LessonError.system(
                    "building the \(library) library did not finish within "
                        + "\(Int(libraryBuildTimeLimit)) s and was stopped "
                        + "(a first build takes one to three minutes; run `swift build -c release "
                        + "--product \(library)` to see where it stops):\n\(result.text)")
            }
            guard result.succeeded else {
                throw LessonError.system(
                    "building the \(library) library failed:\n\(result.text)")
            }
            seconds += result.seconds
        }
        return seconds
    }

    /// Compiler arguments that let the libraries use this processor's wider vector units.
    ///
    /// On x86-64 with AVX-512 (F, CD, BW, DQ and VL, as Skylake-X, Ice Lake and Zen 4 have)
    /// the libraries are compiled for Skylake-X with `NEURALNET_AVX512`, which gives matrix
    /// multiply a micro-tile of 512-bit rows; with AVX2 and FMA (every Haswell-or-later
    /// machine) for Haswell: 4-wide SSE2 becomes 8-wide AVX2, about three times faster.
    /// Elsewhere, none. Results are the same bytes in every case: matrix multiply's fused
    /// multiply-adds are exactly rounded whether the processor or the C library computes
    /// them, and no other kernel fuses a multiply into an add.
    static func cpuArguments(
        cpuInfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
    )
        -> [String]
    {
        #if arch(x86_64)
            guard
                let flagsLine = cpuInfo?.split(separator: "\n").first(where: {
                    $0.hasPrefix("flags")
                })
            else { return [] }
            let flags: Set<String> = Set(flagsLine.split(separator: " ").map(String.init))
            guard flags.contains("avx2"), flags.contains("fma") else { return [] }
            let avx512: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
            let cpu: [String] =
                avx512.isSubset(of: flags)
                ? ["skylake-avx512", "-D", "NEURALNET_AVX512"] : ["haswell"]
            return ["-Xswiftc", "-target-cpu"] + cpu.flatMap { ["-Xswiftc", $0] }
        #else
            return []
        #endif
    }

    /// Debug information for chapter programs: line tables, unless
    /// `LESSONS_CHAPTER_DEBUG_INFO=full` asks for full `-g` (the old path, kept so that
    /// `Benchmarks/compile-speed.sh` can measure both).
    ///
    /// Line tables are all the runtime's backtracer needs to name a trap's Markdown line. Full
    /// `-g` also makes the driver emit the program's module for the debugger, in a second
    /// frontend job that type-checks the whole program again: a third of the compile time.
    static func debugInfoArguments(environment: [String: String]) -> [String] {
        environment["LESSONS_CHAPTER_DEBUG_INFO"] == "full" ? ["-g"] : ["-gline-tables-only"]
    }

    /// The `swiftc` arguments that compile one chapter program, in one frontend job.
    func compileArguments(source: URL, executable: URL, extraArguments: [String] = []) -> [String] {
        let modules = libraryDirectory.appendingPathComponent("Modules").path
        return ["-swift-version", "6", optimization] + debugInfo + [
            "-diagnostic-style", "llvm",
            "-module-cache-path", scratchPath.appendingPathComponent("module-cache").path,
            "-I", modules, "-L", libraryDirectory.path,
        ] + libraries.map { "-l\($0)" } + [
            "-Xlinker", "-rpath", "-Xlinker", libraryDirectory.path,
            source.path, "-o", executable.path,
        ] + (extraArguments.contains("-module-name") ? [] : ["-module-name", "main"])
            + extraArguments
    }

    /// Compiles a program; the result's diagnostics name Markdown lines.
    func compile(
        _ program: ProgramSource, in folder: URL, name: String, extraArguments: [String] = []
    ) throws -> Compilation {
        try compile(
            program.text, in: folder, name: name, output: folder.appendingPathComponent(name),
            extraArguments: extraArguments)
    }

    /// Compiles Swift source text into `output`, with more arguments for `swiftc`.
    func compile(
        _ text: String, in folder: URL, name: String, output executable: URL,
        extraArguments: [String]
    ) throws -> Compilation {
        let source = folder.appendingPathComponent(name + ".swift")
        try Data(text.utf8).write(to: source)
        let compile = Subprocess(
            executable: compilerCommand,
            arguments: compileArguments(
                source: source, executable: executable, extraArguments: extraArguments),
            workingDirectory: root.path, timeLimit: compileTimeLimit)
        let missing = "the Swift compiler (\(compilerCommand)) is not on PATH"
        var result = try run(compile, missing: missing)
        // A compile that failed without naming a line is tried once more: the compiler can
        // fail by itself, killed for memory or racing another compile over the shared module
        // cache (Clang's locks are known not to cover every case), and a second try finds the
        // cache complete. A real error (a line, or a link failure) fails again the same way.
        if !result.succeeded, result.termination != .timedOut,
            !Diagnostic.parse(result.text).contains(where: { $0.severity == "error" })
        {
            let first = result.seconds
            result = try run(compile, missing: missing)
            result.seconds += first
        }
        if result.termination == .timedOut {
            return Compilation(
                executable: nil, diagnostics: [],
                log: "compiling did not finish within the compile time limit of "
                    + "\(Int(compileTimeLimit)) s and was stopped (--compile-time-limit)",
                seconds: result.seconds)
        }
        return Compilation(
            executable: result.succeeded ? executable : nil,
            diagnostics: Diagnostic.parse(result.text),
            log: result.text,
            seconds: result.seconds)
    }

    private func run(_ process: Subprocess, missing: String) throws -> Subprocess.Result {
        do {
            return try process.run()
        } catch LessonError.system(let message) where message.hasPrefix("cannot start") {
            throw LessonError.system("\(missing): install Swift 6 and put its bin folder on PATH")
        }
    }
}

/// The outcome of compiling one program.
struct Compilation: Sendable {
    var executable: URL?
    var diagnostics: [Diagnostic]
    var log: String
    var seconds: Double
}
