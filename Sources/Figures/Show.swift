import Foundation

/// The environment variables through which a chapter program hands figures to the engine.
///
/// `LESSONS_FIGURES` names a folder; `LESSONS_BLOCK` names the block now running (the
/// generated program sets it at every block boundary, exactly where it prints its output
/// marker). Each figure becomes `block-<id>-<n>.svg` with its text alternative beside it in
/// `block-<id>-<n>.txt`, `n` counting from 1 within the block.
public enum FigureChannel {
    /// The variable naming the folder figures are written to.
    public static let folderKey = "LESSONS_FIGURES"
    /// The variable naming the block now running.
    public static let blockKey = "LESSONS_BLOCK"
}

/// Shows a figure under the block that calls it.
///
/// Run by `lessons`, the figure goes to the engine through files (never mixed into printed
/// output) and appears on the page under the block. Run any other way it does nothing.
public func show(_ figure: some Figure) {
    // getenv, not ProcessInfo: the block changes while the program runs.
    guard let folderValue = getenv(FigureChannel.folderKey),
        let blockValue = getenv(FigureChannel.blockKey)
    else { return }
    let folder = String(cString: folderValue)
    let block = String(cString: blockValue)
    let directory = URL(fileURLWithPath: folder)
    let prefix = "block-\(block)-"
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let number = existing.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".svg") }.count + 1
    let stem = "\(prefix)\(number)"
    // The text first: the engine takes a figure once its picture exists.
    try? Data(figure.altText.utf8).write(to: directory.appendingPathComponent(stem + ".txt"))
    try? Data(figure.svg.utf8).write(
        to: directory.appendingPathComponent(stem + ".svg"), options: .atomic)
}
