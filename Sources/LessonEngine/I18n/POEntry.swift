/// One entry of a gettext catalog (`.po` or `.pot`).
public struct POEntry: Sendable, Equatable {
    /// `#.` lines: notes for the translator written by the extractor.
    public var extractedComments: [String] = []
    /// `#:` references, `file:line`.
    public var references: [String] = []
    /// `#,` flags, such as `fuzzy`.
    public var flags: [String] = []
    public var context: String? = nil
    public var id: String
    public var translation: String = ""
    /// The catalog line of `msgstr`, for errors that name it (0 for an entry not read
    /// from a file).
    public var translationLine: Int = 0
    /// True for an entry gettext kept as `#~` after its message left the template.
    public var obsolete = false

    public init(id: String, context: String? = nil) {
        self.id = id
        self.context = context
    }

    public var isFuzzy: Bool { flags.contains("fuzzy") }

    /// True if the entry is the catalog's header (the empty message).
    public var isHeader: Bool { id.isEmpty && context == nil }

    /// The translation to use, or nil when it falls back to the source text: untranslated,
    /// fuzzy or obsolete.
    public var usableTranslation: String? {
        obsolete || isFuzzy || translation.isEmpty ? nil : translation
    }
}
