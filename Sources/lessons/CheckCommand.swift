import ArgumentParser
import Foundation
import LessonEngine

/// `lessons check`: run every chapter and fail on any mismatch, error, unverified formula or
/// reference annotation that differs from the chapters' citations.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Run every chapter's doctests; fail on any mismatch, error, unverified formula or wrong reference annotation."
    )

    @Flag(help: "Rewrite expected-output blocks that differ with what the code prints now.")
    var accept = false

    @OptionGroup var bookRun: RunBookOptions

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let book = try workspace.loadBook()
        let reporter = TerminalReporter()
        reporter.status("Checking \(TerminalReporter.count(book.chapters.count, "chapter")): ")
        let report = workspace.check(
            book: book, options: bookRun.checkOptions(accept: accept), log: reporter.status)
        reporter.checkSummary(report)
        if bookRun.timings { reporter.timings(report) }
        // Every public symbol of the libraries must say what it does (issue 18).
        let coverage = try workspace.docCoverage()
        print(coverage.report, terminator: "")
        if !report.passed || !coverage.complete { throw ExitCode.failure }
    }
}
