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

    @Option(
        help: ArgumentHelp(
            "Run as the notebook runs an edit: every block up to this one (a block number, "
                + "counted from 0 in the chapter, or 'last'), the blocks above it compiled "
                + "once and kept.",
            valueName: "block"))
    var throughBlock: String?

    @OptionGroup var options: BookOptions

    func run() throws {
        let workspace = try options.workspace()
        let book = try workspace.loadBook()
        let (chapter, section) = try book.find(name)
        let reporter = TerminalReporter()
        reporter.status("Building the libraries (release)…")
        let buildSeconds = try workspace.toolchain.buildLibrary()
        reporter.done(seconds: buildSeconds)
        let result: ChapterResult
        if let throughBlock {
            guard section == nil,
                let id = throughBlock == "last" ? chapter.blocks.last?.id : Int(throughBlock),
                chapter.blocks.contains(where: { $0.id == id })
            else {
                throw ValidationError(
                    "--through-block needs a chapter and one of its block numbers, or 'last'")
            }
            result = try workspace.run(chapter, through: id, observer: reporter)
        } else {
            result = try workspace.run(chapter, section: section, observer: reporter)
        }
        reporter.summary(result, section: section)
        if !result.passed { throw ExitCode.failure }
    }
}
