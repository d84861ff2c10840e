import ArgumentParser
import Foundation
import LessonEngine

/// `lessons run chapter3`: compile and run one chapter (or section), showing each block's
/// output as it arrives and whether it matched.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one chapter or section and show what each block prints.")

    @Argument(help: "A chapter (chapter3, 3, or its file name) or a section (3.1).")
    var name: String

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let book = try workspace.loadBook()
        let (chapter, section) = try book.find(name)
        let reporter = TerminalReporter()
        reporter.status("Building the libraries (release)…")
        let buildSeconds = try workspace.toolchain.buildLibrary()
        reporter.done(seconds: buildSeconds)
        let result = try workspace.run(chapter, section: section, observer: reporter)
        reporter.summary(result, section: section)
        if !result.passed { throw ExitCode.failure }
    }
}
