import Foundation

/// Where one chapter program runs: its marker token and, in `folder`, a fresh working folder,
/// a folder for its figures and one for its crash report, with the environment naming them.
struct ProgramLaunch: Sendable {
    let token: String
    let folder: URL

    var crashFolder: URL { folder.appendingPathComponent("crash-\(token)") }
    var workFolder: URL { folder.appendingPathComponent("work-\(token)") }
    var figureFolder: URL { folder.appendingPathComponent("figures-\(token)") }

    /// Makes the three folders in `folder`.
    init(in folder: URL, token: String = Marker.makeToken()) throws {
        self.token = token
        self.folder = folder
        for path in [crashFolder, workFolder, figureFolder] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        }
    }

    /// This process's environment with `extra` and the program's own variables.
    func environment(adding extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        environment[Marker.environmentKey] = token
        environment[FigureFolder.folderKey] = figureFolder.path
        // The crashed thread's registers: its stack pointer tells a stack overflow apart.
        environment["SWIFT_BACKTRACE"] =
            "enable=yes,interactive=no,color=no,threads=crashed,registers=crashed,images=none,"
            + "sanitize=yes,output-to=\(crashFolder.path)"
        return environment
    }
}
