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

    @Flag(help: "Pass even when a translation catalog (po/) leaves messages untranslated.")
    var allowPartialTranslations = false

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
        // Every catalog translates every message, and breaks no formula (issue 20).
        let translations = try workspace.translationReport(book)
        print(translations.text, terminator: "")
        for problem in translations.problems { printError(problem.description) }
        if !translations.complete, allowPartialTranslations {
            print("Partial translations allowed (--allow-partial-translations).")
        }
        let translated = translations.passed(allowingPartial: allowPartialTranslations)
        if !report.passed || !coverage.complete || !translated { throw ExitCode.failure }
    }
}
