import ArgumentParser
import Foundation
import LessonEngine

/// `lessons render FILE.md`: print one Markdown file's HTML body, running no code.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Print a Markdown file's HTML body (no code is run).")

    @Argument(help: "The Markdown file.")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LessonError.usage("cannot read \(file)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw LessonError.source(file: file, line: 1, message: "the file is not valid UTF-8")
        }
        print(try Renderer.body(markdown: source, file: file), terminator: "")
    }
}
