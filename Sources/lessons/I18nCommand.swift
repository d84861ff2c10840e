import ArgumentParser
import Foundation
import LessonEngine

/// `lessons i18n`: the translation catalogs under `po/`.
struct I18nCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "i18n",
        abstract: "Keep the translation catalogs (po/) in step with the chapters.",
        subcommands: [Extract.self, Update.self, Status.self, Check.self])

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write po/messages.pot: one message per heading, paragraph, list item, "
                + "table cell and block quote.")
        @OptionGroup var book: BookOptions

        func run() throws {
            let workspace = try book.workspace()
            let (file, count) = try workspace.extractTranslations()
            print("wrote \(file): \(count) messages")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract the template and merge it into po/LANGUAGE.po (msgmerge): "
                + "translations kept, changed messages marked fuzzy.")
        @OptionGroup var book: BookOptions
        @Option(help: "The language's tag; its catalog is po/LANGUAGE.po.")
        var language = "zh-CN"

        func run() throws {
            let workspace = try book.workspace()
            try workspace.updateTranslations(language: language)
            try Status.report(workspace, languages: [language])
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each catalog's coverage per chapter, and its broken translations.")
        @OptionGroup var book: BookOptions

        func run() throws {
            let workspace = try book.workspace()
            try Self.report(workspace, languages: workspace.translationLanguages())
        }

        static func report(_ workspace: Workspace, languages: [String]) throws {
            let book = try workspace.loadBook()
            var failed = false
            for language in languages {
                let translation = try Translation.load(language: language, root: workspace.root)
                print("po/\(language).po")
                for coverage in workspace.translationCoverage(book, translation) {
                    print("  " + coverage.summary)
                }
                for problem in translation.problems() {
                    failed = true
                    printError(problem.description)
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check catalog files: each translation keeps its formulas, code spans, "
                + "link targets and references, and is one paragraph.")
        @Argument(help: "The .po files.")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw LessonError.usage("cannot read \(file)")
                }
                let catalog = try POCatalog.parse(String(decoding: data, as: UTF8.self), file: file)
                let translation = Translation(language: "", file: file, catalog: catalog)
                let problems = translation.problems()
                for problem in problems { printError(problem.description) }
                failed = failed || !problems.isEmpty
                let messages = catalog.entries.filter { !$0.obsolete }
                let translated = messages.filter { $0.usableTranslation != nil }.count
                print(
                    "\(file): \(translated)/\(messages.count) translated, \(problems.count) problems"
                )
            }
            if failed { throw ExitCode.failure }
        }
    }
}
