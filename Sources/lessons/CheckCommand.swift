import ArgumentParser
import Foundation
import LessonEngine

/// `lessons check`: run every chapter and fail on any mismatch, error or unverified formula.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every chapter's doctests; fail on any mismatch, error or unverified formula."
    )

    @Flag(help: "Rewrite expected-output blocks that differ with what the code prints now.")
    var accept = false

    @Option(help: "Chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let book = try workspace.loadBook()
        let reporter = TerminalReporter()
        reporter.status("Building the NeuralNet and Figures libraries (release)…")
        reporter.done(seconds: try workspace.toolchain.buildLibrary())
        reporter.status(
            "Checking \(book.chapters.count) chapter\(book.chapters.count == 1 ? "" : "s"), \(jobs) at a time…"
        )
        let report = workspace.check(book: book, jobs: jobs, accept: accept)
        reporter.done(seconds: report.results.reduce(0) { $0 + $1.compileSeconds + $1.runSeconds })
        reporter.checkSummary(report)
        let remaining =
            accept ? report.problems.filter { !$0.contains("output differs") } : report.problems
        if !remaining.isEmpty { throw ExitCode.failure }
    }
}
