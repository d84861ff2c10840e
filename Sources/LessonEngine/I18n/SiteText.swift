/// The site's own words — navigation, buttons, labels, notes — that a translated edition
/// shows in its language. Each is a message of the catalog with `msgctxt "site"`; pages
/// look them up through `PageText`, which refuses (in debug builds) a text not listed here.
/// `{name}` is a placeholder the page fills in; a translation keeps it.
enum SiteText {
    /// The words of the pages the engine writes.
    static let pages: [String] = [
        "Contents",
        "Formulas",
        "Search",
        "Search the book",
        "Skip to the text",
        "Book contents",
        "On this page",
        "Switch between light and dark",
        "View this chapter's source",
        "Every output on these pages was printed by the code above it when the site was built.",
        "API reference",
        "The whole book on one page",
        "The whole book",
        "The whole book on one page: print it, or save it as PDF, in one go.",
        "Previous and next page",
        "Link to this section",
        "Verified by the code below: {state}",
        "verified by code",
        "not verified",
        "passed",
        "failed",
        "not run",
        "Verifies {formulas}",
        "Not run (shown only).",
        "Output",
        "Output (the block fails, as intended)",
        "Figure {number}.",
        "This figure was left out: {reason}.",
        "Neural Lessons",
        "An executable book on how artificial neural networks work and how they compare with the brain's own neural system. It follows a Chinese article section by section, and pairs every formula with Swift code that computes it and checks it. Every output on these pages was printed by that code when the site was built.",
        "Also: <a href=\"formulas.html\">every formula and the code that verifies it</a>.",
        "Every display formula in the book, with the code block that verifies it and how that block fared when the site was built.",
        "No.",
        "Formula",
        "Section",
        "Verified by",
        "Status",
        "line {line}",
        "block {id}",
        "Type in the search box above.",
        "Search needs JavaScript; the <a href=\"index.html\">contents</a> list every section.",
        "Read this page in English",
        "English",
    ]

    /// The words the site's script shows, given to it through `<html data-strings>`.
    static let script: [String] = [
        "Switch to the light theme",
        "Switch to the dark theme",
        "Copy",
        "Copied",
        "Copy this code",
        "Show all {count} lines",
        "Show less",
        "Formula, scrolls sideways",
        "No section mentions “{query}”.",
        "1 section mentions “{query}”.",
        "{count} sections mention “{query}”.",
    ]

    /// Every text, in the order the template lists them.
    static let all: [String] = pages + script
}
