import Foundation
import Testing

@testable import LessonEngine

/// The notebook in a real browser: headless Chromium opens the served page, clicks Edit,
/// types into CodeMirror, presses Shift+Enter, and sees the new output under the block.
@Suite struct NotebookPageTests {
    /// A live server (site built) on the notebook test chapter.
    final class LiveBook: @unchecked Sendable {
        let root: URL
        let live: LiveServer

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "notebook-page-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
            try Data(NotebookBook.chapter.utf8).write(
                to: root.appendingPathComponent(NotebookBook.file))
            var workspace = Workspace(root: root, timeLimit: 120)
            workspace.toolchain = try TestPackage.toolchain()
            live = try LiveServer(workspace: workspace, port: 0, interval: 0.2, log: { _ in })
            try live.start()
        }

        deinit {
            live.stop()
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func editTypeShiftEnterShowsTheNewOutput() async throws {
        guard let chromium = DevToolsPipe.chromium else {
            print("Skipped: Chromium is not installed (apt-get install chromium).")
            return
        }
        let book = try await offThread { try LiveBook() }
        let server = book.live.server
        let browser = try DevToolsPipe(executable: chromium)
        try browser.openTab()
        let url = "http://127.0.0.1:\(server.port)/chapter1.html?token=\(server.token)"
        try browser.call("Page.navigate", ["url": url])
        try #require(
            await eventually(within: 60) {
                try browser.evaluate("!!document.querySelector('#block-1 .nb-edit')") as? Bool
                    == true
            }, "the page has no notebook controls")
        // The token moved from the address bar into this tab's storage.
        #expect(try browser.evaluate("location.search") as? String == "")
        #expect(
            try browser.evaluate("sessionStorage.getItem('lessons-token')") as? String
                == server.token)

        _ = try browser.evaluate("document.querySelector('#block-1 .nb-edit').click()")
        _ = try browser.evaluate(
            """
            (function () {
              var cm = document.querySelector('#block-1 .CodeMirror').CodeMirror;
              cm.focus(); cm.setCursor(cm.lineCount(), 0); return true;
            })()
            """)
        try browser.call("Input.insertText", ["text": "\nprint(\"typed\", base * 2)"])
        for type in ["rawKeyDown", "keyUp"] {
            try browser.call(
                "Input.dispatchKeyEvent",
                [
                    "type": type, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13,
                    "modifiers": 8,
                ])
        }
        let result = "(document.querySelector('#block-1 .nb-result') || {}).textContent || ''"
        let appeared = try await eventually(within: 300) {
            (try browser.evaluate(result) as? String)?.contains("typed 80") == true
        }
        let shownThen = try browser.evaluate(result) as? String
        try #require(appeared, "no new output; the block shows: \(shownThen ?? "nothing")")
        let shown = try #require(try browser.evaluate(result) as? String)
        #expect(shown.contains("differs from the expected output"))
        #expect(shown.contains("+typed 80"))

        // Nothing of the notebook, and not the token, is in the static site on disk.
        let site = book.root.appendingPathComponent("Site")
        for name in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
            let data = FileManager.default.contents(atPath: site.appendingPathComponent(name).path)
            let text = String(decoding: data ?? Data(), as: UTF8.self)
            #expect(!text.contains(server.token), "\(name) holds the token")
            #expect(!text.contains("notebook.js"), "\(name) holds the notebook")
        }
    }
}
