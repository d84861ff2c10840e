// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NeuralLessons",
    platforms: [.macOS(.v13)],
    products: [
        // Dynamic so that the chapter programs the engine generates can link it.
        .library(name: "NeuralNet", type: .dynamic, targets: ["NeuralNet"]),
        .library(name: "LessonEngine", targets: ["LessonEngine"]),
        .executable(name: "lessons", targets: ["lessons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "NeuralNet", resources: [.copy("Datasets/Resources")]),
        .target(name: "LessonEngine", dependencies: ["CCmark"]),
        .executableTarget(
            name: "lessons",
            dependencies: [
                "LessonEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(
            name: "LessonEngineTests", dependencies: ["LessonEngine"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
