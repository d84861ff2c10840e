/// Who may talk to the notebook, as in Jupyter: the server runs code, so every request must
/// name this server as its `Host` (127.0.0.1 or localhost with its port: a DNS-rebinding page
/// names its own host), must not come from a foreign `Origin`, and every request that runs,
/// stops or saves must carry the launch's token in the `X-Lessons-Token` header (which a
/// cross-site form, image or link cannot send).
struct RequestGuard: Sendable {
    let port: UInt16
    let token: String

    static let tokenHeader = "X-Lessons-Token"

    /// Why the request is refused, or nil if it may go on.
    func refusal(host: String?, origin: String?, token given: String?, needsToken: Bool)
        -> String?
    {
        let names = ["127.0.0.1:\(port)", "localhost:\(port)"]
        guard let host, names.contains(host.lowercased()) else {
            return "refused: the Host header must be 127.0.0.1:\(port) or localhost:\(port)"
        }
        if let origin, !names.map({ "http://\($0)" }).contains(origin.lowercased()) {
            return "refused: requests from \(origin) are not accepted"
        }
        if needsToken {
            guard let given, Self.same(given, token) else {
                return "refused: this request needs the token of the URL lessons serve printed "
                    + "(open that URL)"
            }
        }
        return nil
    }

    /// Compares in time that does not depend on where the strings differ.
    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
