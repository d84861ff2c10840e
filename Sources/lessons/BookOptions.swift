import ArgumentParser
import Foundation
import LessonEngine

/// Options every command that reads the book shares.
struct BookOptions: ParsableArguments {
    @Option(help: "The book's package folder (default: found from the current folder upwards).")
    var root: String?

    @Option(help: "Seconds a chapter may run before it is stopped.")
    var timeLimit: Double = 600

    @Option(help: "Seconds compiling one chapter program may take before it is stopped.")
    var compileTimeLimit: Double = 600

    /// The workspace these options point at.
    func workspace() throws -> Workspace {
        let start = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath)
        let found = root == nil ? try Workspace.locate(from: start) : start
        return Workspace(root: found, timeLimit: timeLimit, compileTimeLimit: compileTimeLimit)
    }
}

/// Prints a message to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
