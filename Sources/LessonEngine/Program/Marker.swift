/// The line a chapter program prints before each block: `\u{1}LESSONS:<token>:<block>\n`.
///
/// The token is random for every run and reaches the program through its environment, so
/// nothing a block prints can pass for a marker.
enum Marker {
    static let environmentKey = "LESSONS_MARKER"
    /// The block name of the marker printed after the last block.
    static let end = "end"

    /// A fresh random token.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }.joined()
    }

    static func prefix(token: String) -> [UInt8] { Array("\u{1}LESSONS:\(token):".utf8) }
}
