import Foundation
import Testing

@testable import LessonEngine

@Suite struct DirectorySwapTests {
    func folder(_ name: String, in root: URL, file: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(file.utf8).write(to: url.appendingPathComponent(file))
        return url
    }

    @Test func replacesAnExistingFolderAndRemovesTheOldOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try folder("Site", in: root, file: "old.html")
        let staging = try folder("staging", in: root, file: "new.html")
        try DirectorySwap.replace(site, with: staging)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["new.html"])
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Site"])
    }

    @Test func createsTheFolderWhenThereWasNone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try folder("staging", in: root, file: "new.html")
        let site = root.appendingPathComponent("Site")
        try DirectorySwap.replace(site, with: staging)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["new.html"])
    }
}
