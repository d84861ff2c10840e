import ArgumentParser
import LessonEngine

/// `lessons list`: chapters and sections with ids, titles, block and formula counts.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List chapters and sections with their block and formula counts.")

    @OptionGroup var options: BookOptions

    func run() throws {
        let book = try options.workspace().loadBook()
        for line in BookListing.lines(book) { print(line) }
        for problem in book.problems { printError(problem.description) }
        if !book.problems.isEmpty { throw ExitCode.failure }
    }
}
