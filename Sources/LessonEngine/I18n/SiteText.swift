/// The site's own words — navigation, buttons, labels, notes — that a translated edition
/// shows in its language. Each is a message of the catalog with `msgctxt "site"`; the
/// renderer looks them up with `Translation.site(_:)`.
enum SiteText {
    /// Every page text, in the order the template lists them.
    static let all: [String] = [
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
        "Previous and next page",
        "Link to this section",
        "verified by code",
        "not verified",
        "passed",
        "failed",
        "not run",
        "Copy",
        "Copied",
        "Copy this code",
    ]
}
