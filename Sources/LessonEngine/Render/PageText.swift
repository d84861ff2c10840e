import Foundation

/// The words of the site's own pages — navigation, buttons, labels — in an edition's
/// language: English as written, or a catalog's translation of each (`msgctxt "site"`).
///
/// A text may hold `{name}` placeholders that `callAsFunction(_:_:)` fills; a translation
/// keeps them. Every text is listed in `SiteText.all`, which the template takes its
/// messages from.
struct PageText: Sendable {
    /// The edition's language tag, `en` or `zh-CN`.
    var language: String
    var translation: Translation?

    static let english = PageText(language: "en", translation: nil)

    /// The text in this edition's language, its placeholders filled.
    func callAsFunction(_ text: String, _ values: [String: String] = [:]) -> String {
        assert(SiteText.all.contains(text), "\(text) is not listed in SiteText.all")
        var result = translation?.site(text) ?? text
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    /// The texts the site's script shows, translated, as the JSON object it reads from
    /// `<html data-strings>`; empty for English, where the script's own words stand.
    var scriptStrings: String {
        guard translation != nil else { return "" }
        var object: [String: String] = [:]
        for text in SiteText.script { object[text] = self(text) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
