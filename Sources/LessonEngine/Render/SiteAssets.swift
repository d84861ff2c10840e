import Foundation

/// The site's static files: its stylesheet and scripts (resources of this module), and
/// KaTeX's stylesheet and fonts copied from Debian's `libjs-katex` and `fonts-katex`, so that
/// the site reads offline.
enum SiteAssets {
    static let katexStylesheet = "/usr/share/javascript/katex/katex.min.css"
    static let katexFonts = "/usr/share/fonts/truetype/katex"

    /// The files, by path in the site, in a fixed order.
    static func files() throws -> [(name: String, contents: Data)] {
        var files: [(String, Data)] = []
        for name in ["style.css", "site.js", "theme.js", "icon.svg"] {
            guard
                let url = Bundle.module.url(
                    forResource: name, withExtension: nil, subdirectory: "Assets")
            else { throw LessonError.system("the engine's asset \(name) is missing") }
            files.append((name, try Data(contentsOf: url)))
        }
        guard let stylesheet = FileManager.default.contents(atPath: katexStylesheet) else {
            throw LessonError.system(
                "KaTeX's stylesheet is missing (\(katexStylesheet)): "
                    + "apt-get install libjs-katex fonts-katex")
        }
        files.append(("katex/katex.min.css", stylesheet))
        let fonts = try FileManager.default.contentsOfDirectory(atPath: katexFonts)
            .filter { $0.hasSuffix(".woff2") }.sorted()
        for font in fonts {
            let data = try Data(
                contentsOf: URL(fileURLWithPath: katexFonts).appendingPathComponent(font))
            files.append(("katex/fonts/\(font)", data))
        }
        return files
    }
}
