import ArgumentParser
import LessonEngine

/// `lessons`: run, check and build the Neural Lessons book.
@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run, check and build the Neural Lessons executable book.",
        subcommands: [
            RunCommand.self, CheckCommand.self, BuildCommand.self, ListCommand.self,
            RenderCommand.self, ServeCommand.self, I18nCommand.self,
        ])

    /// Ctrl-C and SIGTERM end every process `lessons` started and remove its temporary
    /// folders before it exits (130 or 143); then the command runs.
    static func main() {
        Interruption.install()
        main(nil)
    }
}
