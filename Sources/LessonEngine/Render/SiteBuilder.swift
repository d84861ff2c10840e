import Foundation

/// Writes the site: one page per chapter and an index, into a temporary folder that replaces
/// `Site/` only when every page was written. A failed build leaves the old site as it was.
struct SiteBuilder {
    var root: URL
    var results: [ChapterResult]

    /// The files of the site, by name: deterministic, so two builds are byte-identical.
    func files() -> [(name: String, contents: String)] {
        let chapters = results.map(\.chapter)
        var files: [(String, String)] = [
            (
                "index.html",
                SiteTemplate.page(
                    title: "Contents", navigation: SiteTemplate.navigation(chapters, current: nil),
                    body: SiteTemplate.index(chapters))
            ),
            ("style.css", SiteTemplate.stylesheet),
        ]
        for result in results {
            let byID = Dictionary(uniqueKeysWithValues: result.blocks.map { ($0.block.id, $0) })
            let page = PageRenderer(chapter: result.chapter, results: byID, book: chapters)
            files.append(("\(result.chapter.id).html", page.page()))
        }
        return files
    }

    /// Writes the files to a temporary folder, then swaps it in for `Site/`.
    func write() throws {
        let manager = FileManager.default
        let site = root.appendingPathComponent("Site")
        let staging = root.appendingPathComponent(".build-lessons/site-staging")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        for (name, contents) in files() {
            try Data(contents.utf8).write(to: staging.appendingPathComponent(name))
        }
        try DirectorySwap.replace(site, with: staging)
    }
}
