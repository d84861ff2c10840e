import Foundation
import Testing

@testable import LessonEngine

@Suite struct ReferenceAnnotationsTests {
    /// A throwaway book with these chapter files.
    func book(_ files: [String: String]) throws -> Book {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "refs-\(UUID().uuidString)")
        let chapters = folder.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: chapters.appendingPathComponent(name))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Book.load(root: folder)
    }

    let chapter2 = """
        # 2 Concepts · 概念

        As [Hebb (1949)](chapter7.html#ref-hebb1949) put it, and
        [Oja](chapter7.html#ref-oja1982) corrected.
        """
    let chapter3 = """
        # 3 Algorithms · 算法

        Trained with [Adam](chapter7.html#ref-kingma2015).
        """
    let errata = """
        # Errata · 勘误

        See [Hebb](chapter7.html#ref-hebb1949).
        """

    func references(_ list: String) -> String {
        """
        # 7 References · 参考文献

        1. <span id="ref-goodfellow2016"></span>Goodfellow (2016). Not annotated: numbered.

        ## 7.2 Sources

        \(list)

        The end.
        """
    }

    @Test func annotationsThatMatchTheCitationsPass() throws {
        let list = """
            - <span id="ref-hebb1949"></span>Hebb, D. O. (1949). *The Organization of
              Behavior*. Wiley. [2, errata]
            - [Kingma & Ba (2015)](#ref-kingma2015): listed elsewhere. [3]
            - <span id="ref-oja1982"></span>Oja, E. (1982). [2]
            """
        let book = try book([
            "02-c.md": chapter2, "03-a.md": chapter3, "07-r.md": references(list),
            "99-errata.md": errata,
        ])
        #expect(ReferenceAnnotations(book: book).problems == [])
    }

    @Test func aWrongAnnotationFailsAtItsEntryWithTheRealChapters() throws {
        let list = """
            - <span id="ref-hebb1949"></span>Hebb, D. O. (1949). *The Organization of
              Behavior*. Wiley. [2, 3]
            - [Kingma & Ba (2015)](#ref-kingma2015): listed elsewhere. [3]
            - <span id="ref-oja1982"></span>Oja, E. (1982). [2]
            """
        let book = try book([
            "02-c.md": chapter2, "03-a.md": chapter3, "07-r.md": references(list),
            "99-errata.md": errata,
        ])
        #expect(
            ReferenceAnnotations(book: book).problems.map(\.description) == [
                "Chapters/07-r.md:7: error: ref-hebb1949 is annotated [2, 3], but the chapters "
                    + "that cite it are [2, errata]"
            ])
    }

    @Test func anEntryNoChapterCitesAndACitationNoEntryListsBothFail() throws {
        let list = """
            - <span id="ref-hebb1949"></span>Hebb (1949). [2, errata]
            - <span id="ref-amit1985"></span>Amit et al. (1985). [2]
            - [Kingma & Ba (2015)](#ref-kingma2015): listed elsewhere. [3]
            """
        let book = try book([
            "02-c.md": chapter2, "03-a.md": chapter3, "07-r.md": references(list),
            "99-errata.md": errata,
        ])
        #expect(
            ReferenceAnnotations(book: book).problems.map(\.description) == [
                "Chapters/02-c.md:4: error: cites ref-oja1982, which no annotated entry of "
                    + "Chapters/07-r.md lists",
                "Chapters/07-r.md:8: error: ref-amit1985 is annotated [2], but no chapter cites "
                    + "it (cite it with a link to chapter7.html#ref-amit1985, or drop the entry)",
            ])
    }

    /// `lessons check` fails on a wrong annotation: the report counts it as a problem.
    @Test func aReferenceProblemFailsTheCheckReport() {
        var report = CheckReport(bookProblems: [], results: [], runErrors: [])
        #expect(report.passed)
        report.referenceProblems = [.source(file: "Chapters/07-r.md", line: 7, message: "wrong")]
        #expect(!report.passed)
        #expect(report.problems == ["Chapters/07-r.md:7: error: wrong"])
    }

    @Test func aBookWithoutAReferencesPageHasNothingToCheck() throws {
        let book = try book(["02-c.md": chapter2])
        #expect(ReferenceAnnotations(book: book).problems == [])
    }

    @Test func readsTheTrailingAnnotationOnly() {
        #expect(
            ReferenceAnnotations.annotation(of: "Cho et al.: [5] above. [3, 6, errata]")
                == ["3", "6", "errata"])
        #expect(ReferenceAnnotations.annotation(of: "Alpaydin [data set]. UCI.") == nil)
        #expect(ReferenceAnnotations.annotation(of: "Ends with a link [x](#y)") == nil)
    }
}
