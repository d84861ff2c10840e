import Foundation

/// The book: every chapter under `Chapters/`, in file-name order.
public struct Book: Sendable {
    /// The package root.
    public var root: URL
    public var chapters: [Chapter]
    /// Chapters that could not be read, each with its file and line.
    public var problems: [LessonError]

    /// Reads every `*.md` file of `root/Chapters`, but hidden ones: editors' files, such as
    /// the lock Emacs keeps beside a chapter while it is edited (`.#03-core.md`).
    public static func load(root: URL) throws -> Book {
        let folder = root.appendingPathComponent("Chapters")
        // Said in words of our own: Foundation's description of the error lists its details in
        // an order that changes from run to run, and `lessons serve` says an error again only
        // when it changes.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw LessonError.system("there is no chapters folder: \(folder.path) is missing")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw LessonError.system(
                "cannot read the chapters folder \(folder.path): "
                    + (error as NSError).localizedDescription)
        }
        let names = entries.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        var chapters: [Chapter] = []
        var problems: [LessonError] = []
        for name in names {
            let file = "Chapters/\(name)"
            do {
                let data: Data
                do {
                    data = try Data(contentsOf: folder.appendingPathComponent(name))
                } catch {
                    throw LessonError.source(
                        file: file, line: 1,
                        message: "the file cannot be read (\(error.localizedDescription))")
                }
                guard let source = String(data: data, encoding: .utf8) else {
                    throw LessonError.source(
                        file: file, line: 1, message: "the file is not valid UTF-8")
                }
                chapters.append(try ChapterParser(file: file, source: source).parse())
            } catch let error as LessonError {
                problems.append(error)
            }
        }
        for (id, group) in Dictionary(grouping: chapters, by: \.id) where group.count > 1 {
            problems.append(
                .source(
                    file: group[1].file, line: 1,
                    message:
                        "chapter id '\(id)' is used by \(group.map(\.file).joined(separator: " and "))"
                ))
        }
        return Book(root: root, chapters: chapters, problems: problems)
    }

    /// The chapter (and section) a name means: `chapter3`, `3`, `3.1`, or a file's name.
    public func find(_ name: String) throws -> (chapter: Chapter, section: Section?) {
        let bare = name.hasPrefix("chapter") ? String(name.dropFirst("chapter".count)) : name
        for chapter in chapters {
            if chapter.id == name || chapter.number == bare || chapter.file == name
                || chapter.file == "Chapters/\(name)" || chapter.file == "Chapters/\(name).md"
            {
                return (chapter, nil)
            }
            if let section = chapter.section(bare),
                section.id.hasPrefix((chapter.number ?? "") + ".")
            {
                return (chapter, section)
            }
        }
        let broken = problems(naming: name)
        if broken.count == 1 { throw broken[0] }
        if !broken.isEmpty {
            throw LessonError.usage(broken.map(\.description).joined(separator: "\n"))
        }
        let known = chapters.map { $0.id }.joined(separator: ", ")
        let unread =
            problems.isEmpty
            ? ""
            : "\nThese chapter files did not load:\n"
                + problems.map(\.description).joined(separator: "\n")
        throw LessonError.usage(
            "no chapter or section named '\(name)'. Chapters: \(known). "
                + "Sections are named by number, e.g. 3.1 (see `lessons list`)." + unread)
    }

    /// The problems of chapter files that did not load and that `name` may mean: by file name
    /// (`02-x.md`, `Chapters/02-x.md`, `02-x`, `x`) or by the number the file name starts
    /// with (`chapter2`, `2`, `2.1` mean `02-x.md`), as the chapter's title cannot be read.
    func problems(naming name: String) -> [LessonError] {
        let bare = name.hasPrefix("chapter") ? String(name.dropFirst("chapter".count)) : name
        let number = bare.split(separator: ".").first.flatMap { Int($0) }
        return problems.filter { problem in
            guard case .source(let file, _, _) = problem else { return false }
            let fileName = String(file.split(separator: "/").last ?? "")
            let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
            let digits = stem.prefix { $0.isNumber }
            let slug = stem.dropFirst(digits.count).drop { $0 == "-" }
            if [file, fileName, stem, String(slug)].contains(name) { return true }
            return number != nil && Int(digits) == number
        }
    }
}
