import Foundation

/// Rendering entry points the commands use.
public enum Renderer {
    /// One Markdown file's HTML body, with no code run and formulas left as TeX
    /// (`lessons render`).
    public static func body(markdown: String, file: String) throws -> String {
        let chapter = try ChapterParser(file: file, source: markdown).parse()
        return try ChapterPage(
            chapter: chapter, results: [:], formulas: FormulaCatalog(chapters: [chapter]),
            math: MathCatalog()
        ).body()
    }
}
