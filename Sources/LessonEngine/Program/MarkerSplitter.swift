/// Splits a chapter program's output, as it arrives in chunks, at the markers between blocks.
///
/// Output before the first marker belongs to no block; output after a marker belongs to the
/// block it names until the next marker.
struct MarkerSplitter {
    /// Something the program did, in order.
    enum Event: Equatable {
        case started(block: String)
        case output(block: String?, bytes: [UInt8])
    }

    private let prefix: [UInt8]
    private var pending: [UInt8] = []
    private(set) var current: String?

    init(token: String) { prefix = Marker.prefix(token: token) }

    /// Feeds a chunk; returns the events it completes. Bytes that might begin a marker are
    /// held back until the next chunk tells.
    mutating func feed<Bytes: Collection<UInt8>>(_ chunk: Bytes) -> [Event] {
        pending.append(contentsOf: chunk)
        var events: [Event] = []
        while let start = firstIndex(of: prefix, in: pending) {
            let nameStart = start + prefix.count
            guard let newline = pending[nameStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                // A marker has begun but not ended: emit what precedes it and wait.
                emit(pending[..<start], into: &events)
                pending.removeFirst(start)
                return events
            }
            emit(pending[..<start], into: &events)
            let name = String(decoding: pending[nameStart..<newline], as: UTF8.self)
            current = name
            events.append(.started(block: name))
            pending.removeFirst(newline + 1)
        }
        // Keep a tail that could be the start of a marker split across chunks.
        let keep = partialPrefixLength(at: pending)
        emit(pending[..<(pending.count - keep)], into: &events)
        pending.removeFirst(pending.count - keep)
        return events
    }

    /// Flushes whatever is left when the program has ended.
    mutating func finish() -> [Event] {
        var events: [Event] = []
        emit(pending[...], into: &events)
        pending = []
        return events
    }

    private func emit(_ bytes: ArraySlice<UInt8>, into events: inout [Event]) {
        guard !bytes.isEmpty else { return }
        events.append(.output(block: current, bytes: Array(bytes)))
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        while let found = haystack[index...].firstIndex(of: needle[0]) {
            if found + needle.count > haystack.count { return nil }
            if haystack[found..<(found + needle.count)].elementsEqual(needle) { return found }
            index = found + 1
        }
        return nil
    }

    /// The length of the longest suffix of `bytes` that is a proper prefix of the marker.
    private func partialPrefixLength(at bytes: [UInt8]) -> Int {
        let longest = min(prefix.count - 1, bytes.count)
        for length in stride(from: longest, to: 0, by: -1)
        where bytes[(bytes.count - length)...].elementsEqual(prefix[..<length]) {
            return length
        }
        return 0
    }
}
