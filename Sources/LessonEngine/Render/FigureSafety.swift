/// A guard on figures before they are inlined in a page: an `<svg>` element with no scripts,
/// event handlers, links to script or foreign HTML. The site's Content-Security-Policy blocks
/// inline script anyway; this keeps such markup out of the page altogether.
enum FigureSafety {
    static func isPlainSVG(_ svg: String) -> Bool {
        let lower = svg.lowercased()
        guard lower.hasPrefix("<svg") else { return false }
        let forbidden = [
            "<script", "<foreignobject", "javascript:", "<iframe", "<object", "<embed",
        ]
        if forbidden.contains(where: lower.contains) { return false }
        // Event handler attributes: ` onload=`, ` onclick=` and the like.
        var rest = lower[...]
        while let found = rest.range(of: " on") {
            let name = rest[found.upperBound...].prefix { $0.isLetter }
            let after = rest[found.upperBound...].dropFirst(name.count)
            if !name.isEmpty, after.first == "=" { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
