/// An error the engine reports to a person: where it happened and what to do about it.
public enum LessonError: Error, Equatable, CustomStringConvertible {
    /// A problem in a chapter's Markdown, at a file and line.
    case source(file: String, line: Int, message: String)
    /// A command was asked for something that does not exist.
    case usage(String)
    /// The system refused something (a process, a file).
    case system(String)

    public var description: String {
        switch self {
        case .source(let file, let line, let message): "\(file):\(line): error: \(message)"
        case .usage(let message): message
        case .system(let message): message
        }
    }
}
