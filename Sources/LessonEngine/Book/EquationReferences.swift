/// Text split at its `@eq:label` references, the way prose cites a labelled formula: a label
/// runs from `eq:` over letters, digits, `_` and `-`.
enum EquationReferences {
    enum Piece: Equatable {
        case text(Substring)
        /// The label, `eq:sigmoid`, without the `@`.
        case reference(String)
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let at = rest.range(of: "@eq:") {
            if at.lowerBound > rest.startIndex { pieces.append(.text(rest[..<at.lowerBound])) }
            let end =
                rest[at.upperBound...].firstIndex {
                    !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")
                } ?? rest.endIndex
            pieces.append(.reference("eq:" + rest[at.upperBound..<end]))
            rest = rest[end...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return pieces
    }
}
