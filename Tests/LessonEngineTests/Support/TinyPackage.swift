import Foundation

/// A throwaway book whose package holds tiny stand-ins for the libraries chapter programs
/// link: it builds in seconds, so tests can change, rebuild or interrupt a real library build.
enum TinyPackage {
    /// Makes the package in a fresh temporary folder: each library `Name` has one file,
    /// `public let nameValue = value`; each chapter is a file of `Chapters/`.
    static func make(libraries: [String], value: Int = 1, chapters: [String: String]) throws
        -> URL
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tiny-package-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        for (name, text) in chapters {
            try Data(text.utf8).write(to: root.appendingPathComponent("Chapters/\(name)"))
        }
        let products = libraries.map {
            ".library(name: \"\($0)\", type: .dynamic, targets: [\"\($0)\"])"
        }
        let targets = libraries.map { ".target(name: \"\($0)\")" }
        try Data(
            """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "Tiny",
                products: [\(products.joined(separator: ", "))],
                targets: [\(targets.joined(separator: ", "))])

            """.utf8
        ).write(to: root.appendingPathComponent("Package.swift"))
        for library in libraries {
            try manager.createDirectory(
                at: root.appendingPathComponent("Sources/\(library)"),
                withIntermediateDirectories: true)
            try setValue(value, of: library, in: root)
        }
        return root
    }

    /// Rewrites library `name`'s one file with a new value.
    static func setValue(_ value: Int, of library: String, in root: URL) throws {
        let name = library.prefix(1).lowercased() + library.dropFirst()
        try Data("public let \(name)Value = \(value)\n".utf8).write(
            to: root.appendingPathComponent("Sources/\(library)/\(library).swift"),
            options: .atomic)
    }
}
