import ArgumentParser

/// `lessons`: run, check and build the Neural Lessons book.
@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run, check and build the Neural Lessons executable book.",
        subcommands: [
            RunCommand.self, CheckCommand.self, BuildCommand.self, ListCommand.self,
            RenderCommand.self, ServeCommand.self,
        ])
}
