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
        // The HTTP server behind `lessons serve` and its live notebook (see the README).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's logger, quietened so `lessons serve` prints only its own lines.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's header types, for the notebook's own headers.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Reads the symbol graphs the compiler exports, for the API reference pages.
        .package(url: "https://github.com/swiftlang/swift-docc-symbolkit", from: "1.0.0"),
    ],
    targets: [
        // cmark, the CommonMark reference implementation (Debian's libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
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
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SymbolKit", package: "swift-docc-symbolkit"),
            ],
            resources: [.copy("Render/Assets"), .copy("Notebook/NotebookAssets")]
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
            exclude: [
                "build-speed.sh", "compile-speed.sh", "cpu-flags.sh", "microkernel.c",
                "notebook-roundtrip.sh", "ratios.sh",
            ]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(name: "BrainTests", dependencies: ["Brain"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
        .testTarget(
            name: "LessonEngineTests", dependencies: ["LessonEngine", "Figures"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
