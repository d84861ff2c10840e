import Testing

@testable import LessonEngine

/// The network library's end-to-end training bars (digits MLP ≥ 90% and CNN ≥ 92%, LSTM and
/// GRU on the adding problem at length 50, a GAN and a VAE), run as a fixture chapter against
/// the engine's optimised build of the library — the build chapters use — so that they run
/// under plain `swift test`, whose own build of the library is unoptimised.
@Suite struct LibraryEndToEndTests {
    @Test func everyTrainingBarIsMet() throws {
        let result = try TestPackage.run("library-end-to-end.md", timeLimit: 600)
        #expect(result.passed, "\(result.problems.joined(separator: "\n"))")
        #expect(result.blocks.count == 5)
        #expect(result.blocks.allSatisfy { $0.outcome == .completed && $0.diff == nil })
    }
}
