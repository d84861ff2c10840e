import Foundation

/// The side channel through which a chapter program hands figures to the engine.
///
/// The engine makes a fresh folder for each program run and names it in the program's
/// environment (`LESSONS_FIGURES`). The generated program sets `LESSONS_BLOCK` to the block
/// now running at the same point where it prints that block's output marker, so a figure is
/// attributed exactly like printed text. The `Figures` library's `show(_:)` writes
/// `block-<id>-<n>.svg` and its text alternative `block-<id>-<n>.txt` into the folder.
struct FigureFolder {
    /// The environment variable naming the folder (the `Figures` library reads it).
    static let folderKey = "LESSONS_FIGURES"
    /// The environment variable naming the current block.
    static let blockKey = "LESSONS_BLOCK"

    var url: URL
    /// Where copies are kept for `lessons run` to point at, with `root` to name them by.
    var archive: (folder: URL, root: URL)?

    /// The figures block `id` showed so far, in the order it showed them.
    func figures(ofBlock id: Int) -> [BlockFigure] {
        var figures: [BlockFigure] = []
        var number = 1
        while true {
            let stem = "block-\(id)-\(number)"
            let svgURL = url.appendingPathComponent(stem + ".svg")
            guard let svg = try? String(contentsOf: svgURL, encoding: .utf8) else { break }
            let alt =
                (try? String(
                    contentsOf: url.appendingPathComponent(stem + ".txt"), encoding: .utf8)) ?? ""
            figures.append(
                BlockFigure(svg: svg, altText: alt, savedAs: keep(svg, as: "block\(id)-\(number)")))
            number += 1
        }
        return figures
    }

    /// Copies a figure into the archive; returns its path relative to the root.
    private func keep(_ svg: String, as name: String) -> String? {
        guard let (folder, root) = archive else { return nil }
        let file = folder.appendingPathComponent(name + ".svg")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: file)
        } catch {
            return nil
        }
        let rootPath = root.standardizedFileURL.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }
}
