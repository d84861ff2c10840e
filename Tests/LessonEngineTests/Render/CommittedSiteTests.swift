import Foundation
import Testing

@testable import LessonEngine

/// `Site/` is committed so readers need no build; it must be exactly what a build makes now.
@Suite struct CommittedSiteTests {
    @Test func theCommittedSiteIsWhatABuildProducesNow() throws {
        let built = try BuiltSite.files(in: BuiltSite.folder())
        let committed = try BuiltSite.files(in: TestPackage.root.appendingPathComponent("Site"))
        let missing = Set(built.keys).subtracting(committed.keys).sorted()
        let extra = Set(committed.keys).subtracting(built.keys).sorted()
        let differing = built.keys.filter { committed[$0] != nil && committed[$0] != built[$0] }
            .sorted()
        #expect(
            missing.isEmpty && extra.isEmpty && differing.isEmpty,
            """
            Site/ is out of date: run `swift run lessons build` and commit Site/.
            missing: \(missing), not built any more: \(extra), different: \(differing)
            """)
    }
}
