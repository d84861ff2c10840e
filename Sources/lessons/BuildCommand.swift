import ArgumentParser
import Foundation
import LessonEngine

/// `lessons build`: run every chapter and render the site into `Site/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run every chapter and render the HTML site into Site/ (only if all checks pass)."
    )

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
            "Running \(book.chapters.count) chapter\(book.chapters.count == 1 ? "" : "s")…")
        let report = try workspace.build(book: book, jobs: jobs)
        reporter.done(seconds: report.results.reduce(0) { $0 + $1.compileSeconds + $1.runSeconds })
        reporter.checkSummary(report)
        guard report.passed else {
            printError("The site was not changed: fix the problems above and build again.")
            throw ExitCode.failure
        }
        print("Wrote \(workspace.root.appendingPathComponent("Site").path)/index.html")
    }
}
