// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NeuralLessons",
    platforms: [.macOS(.v13)],
    products: [
        // Dynamic so that the chapter programs the engine generates can link it.
        .library(name: "NeuralNet", type: .dynamic, targets: ["NeuralNet"]),
        // Brain models for the chapters on the brain's neural system; dynamic, like NeuralNet.
        .library(name: "Brain", type: .dynamic, targets: ["Brain"]),
        // Dynamic for the same reason: chapter programs `import Figures` to show plots.
        .library(name: "Figures", type: .dynamic, targets: ["Figures"]),
        .library(name: "LessonEngine", targets: ["LessonEngine"]),
        .executable(name: "lessons", targets: ["lessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Build-time highlighting of chapter code with the compiler's own classification.
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
        // Reads the symbol graphs the compiler exports, for the API reference pages.
        .package(url: "https://github.com/swiftlang/swift-docc-symbolkit", from: "1.0.0"),
    ],
    targets: [
        // GitHub's cmark (CommonMark plus the pipe-table extension); Debian ships the
        // extensions' library in a package of its own.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"]),
            ]
        ),
        .target(name: "NeuralNet", resources: [.copy("Datasets/Resources")]),
        .target(name: "Brain"),
        .target(name: "Figures"),
        .target(
            name: "LessonEngine",
            dependencies: [
                "CCmark",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "SymbolKit", package: "swift-docc-symbolkit"),
            ],
            resources: [.copy("Render/Assets")]
        ),
        .executableTarget(
            name: "lessons",
            dependencies: [
                "LessonEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Benchmarks", dependencies: ["NeuralNet"], path: "Benchmarks",
            exclude: ["build-speed.sh"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(name: "BrainTests", dependencies: ["Brain"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
        .testTarget(
            name: "LessonEngineTests", dependencies: ["LessonEngine", "Figures"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
