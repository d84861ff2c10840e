import Foundation

@testable import LessonEngine

/// The real book's site as a build would write it now, built once into a temporary folder for
/// the tests that compare it with the committed `Site/` and load it in a browser.
enum BuiltSite {
    private static let built: Result<URL, LessonError> = {
        do {
            var workspace = Workspace(root: TestPackage.root)
            workspace.toolchain = try TestPackage.toolchain()
            let report = workspace.check(book: try workspace.loadBook(), jobs: 2)
            guard report.passed else {
                throw LessonError.system(report.problems.joined(separator: "\n"))
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "built-site-\(UUID().uuidString)")
            try SiteBuilder.write(try workspace.siteFiles(results: report.results), into: folder)
            return .success(folder)
        } catch let error as LessonError {
            return .failure(error)
        } catch {
            return .failure(.system("\(error)"))
        }
    }()

    /// The folder holding the freshly built site.
    static func folder() throws -> URL { try built.get() }

    /// Every file under a folder, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        let manager = FileManager.default
        var files: [String: Data] = [:]
        for path in try manager.subpathsOfDirectory(atPath: folder.path).sorted() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            _ = manager.fileExists(atPath: url.path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = try Data(contentsOf: url) }
        }
        return files
    }
}
