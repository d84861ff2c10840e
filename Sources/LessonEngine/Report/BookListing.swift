/// The lines of `lessons list`: chapters and sections, with block and formula counts.
public enum BookListing {
    public static func lines(_ book: Book) -> [String] {
        var lines: [String] = []
        for chapter in book.chapters {
            let original = chapter.originalTitle.map { " · \($0)" } ?? ""
            lines.append(
                "\(chapter.id)  \(chapter.title)\(original)  [\(chapter.file)] "
                    + "\(chapter.blocks.count) blocks, \(chapter.formulas.count) formulas")
            for section in chapter.sections {
                let blocks = chapter.blocks(in: section).count
                let formulas = chapter.formulas.filter { $0.section.map(section.contains) ?? false }
                    .count
                let indent = String(repeating: "  ", count: section.level - 1)
                let original = section.originalTitle.map { " · \($0)" } ?? ""
                lines.append(
                    "\(indent)\(section.id)  \(section.title)\(original)  \(blocks) blocks, \(formulas) formulas"
                )
            }
        }
        return lines
    }
}
