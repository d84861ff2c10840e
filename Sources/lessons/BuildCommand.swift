import ArgumentParser
import Foundation
import LessonEngine

/// `lessons build`: run every chapter and render the site into `Site/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run every chapter and render the HTML site into Site/ (only if all checks pass)."
    )

    @OptionGroup var bookRun: RunBookOptions

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let book = try workspace.loadBook()
        let reporter = TerminalReporter()
        reporter.status("Building \(TerminalReporter.count(book.chapters.count, "chapter")): ")
        let report = try workspace.build(
            book: book, options: bookRun.checkOptions(), log: reporter.status)
        reporter.checkSummary(report)
        if bookRun.timings { reporter.timings(report) }
        guard report.passed else {
            printError("The site was not changed: fix the problems above and build again.")
            throw ExitCode.failure
        }
        print("Wrote \(workspace.root.appendingPathComponent("Site").path)/index.html")
    }
}
