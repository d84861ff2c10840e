import Foundation

/// One tab of a `DevToolsBrowser`: navigate, evaluate script, emulate a screen or media,
/// press keys, and read every problem the page met.
final class DevToolsPage: @unchecked Sendable {
    let browser: DevToolsBrowser
    let session: String
    let targetID: String
    /// The index of the first event of the current page.
    private var firstEvent = 0

    init(browser: DevToolsBrowser, session: String, targetID: String) {
        self.browser = browser
        self.session = session
        self.targetID = targetID
    }

    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        try browser.send(method, params, session: session)
    }

    /// Loads `url` and waits for its load event (the page's deferred scripts have run).
    func open(_ url: String) throws {
        firstEvent = browser.events(session: session).count
        try send("Page.navigate", ["url": url])
        try browser.wait(
            for: "Page.loadEventFired", session: session, after: firstEvent, timeout: 20)
        // One round trip through the page's event loop, so that work queued at load is done.
        _ = try evaluate("new Promise(r => setTimeout(r, 0))")
    }

    /// The value of a JavaScript expression (awaited if it is a promise).
    @discardableResult
    func evaluate(_ expression: String) throws -> Any? {
        let answer = try send(
            "Runtime.evaluate",
            ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = answer["exceptionDetails"] as? [String: Any] {
            let description =
                (exception["exception"] as? [String: Any])?["description"] ?? exception["text"]
            throw BrowserTestError("script failed: \(description ?? "?")\n\(expression)")
        }
        return (answer["result"] as? [String: Any])?["value"]
    }

    func string(_ expression: String) throws -> String {
        try evaluate(expression) as? String ?? ""
    }

    func number(_ expression: String) throws -> Double {
        (try evaluate(expression) as? NSNumber)?.doubleValue ?? .nan
    }

    func strings(_ expression: String) throws -> [String] {
        try evaluate(expression) as? [String] ?? []
    }

    /// The viewport's size in CSS pixels; a phone width also emulates touch-free mobile layout.
    func resize(width: Int, height: Int) throws {
        try send(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    /// Emulates a media type (`print`, or "" for screen) and the system's colour scheme.
    func emulate(media: String = "", dark: Bool = false) throws {
        try send(
            "Emulation.setEmulatedMedia",
            [
                "media": media,
                "features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]],
            ])
    }

    /// Presses and releases a key (`ArrowDown`, `Escape`, `ArrowRight`) in the focused element.
    func press(_ key: String) throws {
        let codes = [
            "ArrowDown": 40, "ArrowUp": 38, "ArrowLeft": 37, "ArrowRight": 39, "Escape": 27,
            "Enter": 13,
        ]
        let code = codes[key] ?? 0
        for type in ["rawKeyDown", "keyUp"] {
            try send(
                "Input.dispatchKeyEvent",
                [
                    "type": type, "key": key, "code": key, "windowsVirtualKeyCode": code,
                    "nativeVirtualKeyCode": code,
                ])
        }
    }

    /// Types text into the focused element, as a keyboard would.
    func type(_ text: String) throws {
        try send("Input.insertText", ["text": text])
    }

    /// Clicks at a point of the viewport.
    func click(x: Double, y: Double) throws {
        for type in ["mousePressed", "mouseReleased"] {
            try send(
                "Input.dispatchMouseEvent",
                ["type": type, "x": x, "y": y, "button": "left", "clickCount": 1])
        }
    }

    /// Waits until a JavaScript condition holds, up to `timeout` seconds.
    func waitUntil(_ condition: String, timeout: TimeInterval = 5) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try evaluate("Boolean(\(condition))") as? Bool == true { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The addresses of every request the page made since it was opened.
    var requests: [String] {
        browser.events(session: session, from: firstEvent).compactMap { event in
            guard event.method == "Network.requestWillBeSent" else { return nil }
            return (event.params["request"] as? [String: Any])?["url"] as? String
        }
    }

    /// Everything that went wrong since the page was opened: failed requests, HTTP errors,
    /// uncaught exceptions, console errors and warnings, and the browser's own error log
    /// (CSP violations, missing files).
    var problems: [String] {
        var urls: [String: String] = [:]
        var found: [String] = []
        for (method, params) in browser.events(session: session, from: firstEvent) {
            switch method {
            case "Network.requestWillBeSent":
                if let id = params["requestId"] as? String,
                    let url = (params["request"] as? [String: Any])?["url"] as? String
                {
                    urls[id] = url
                }
            case "Network.loadingFailed":
                let id = params["requestId"] as? String ?? ""
                let reason = params["errorText"] as? String ?? "failed"
                if params["canceled"] as? Bool != true || reason != "net::ERR_ABORTED" {
                    found.append("request failed (\(reason)): \(urls[id] ?? id)")
                }
            case "Network.responseReceived":
                let response = params["response"] as? [String: Any] ?? [:]
                if let status = response["status"] as? Int, status >= 400 {
                    found.append("HTTP \(status): \(response["url"] as? String ?? "?")")
                }
            case "Runtime.exceptionThrown":
                let details = params["exceptionDetails"] as? [String: Any] ?? [:]
                let exception = details["exception"] as? [String: Any]
                found.append(
                    "exception: \(exception?["description"] ?? details["text"] ?? "?")")
            case "Runtime.consoleAPICalled":
                let type = params["type"] as? String ?? ""
                if ["error", "warning", "assert"].contains(type) {
                    let values = (params["args"] as? [[String: Any]] ?? []).map {
                        "\($0["value"] ?? $0["description"] ?? "")"
                    }
                    found.append("console.\(type): \(values.joined(separator: " "))")
                }
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                if ["error", "warning"].contains(entry["level"] as? String ?? "") {
                    found.append(
                        "log \(entry["source"] ?? ""): \(entry["text"] ?? "") \(entry["url"] ?? "")"
                    )
                }
            default:
                break
            }
        }
        return found
    }

    /// Saves a PNG of the viewport (or of the whole page when `fullPage`).
    func screenshot(to file: URL, fullPage: Bool = false) throws {
        var params: [String: Any] = ["format": "png"]
        if fullPage { params["captureBeyondViewport"] = true }
        let shot = try send("Page.captureScreenshot", params)
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw BrowserTestError("no screenshot")
        }
        try data.write(to: file)
    }

    /// Closes the tab.
    func close() {
        _ = try? browser.send("Target.closeTarget", ["targetId": targetID])
    }
}
