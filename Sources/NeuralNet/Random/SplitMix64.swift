/// Sebastiano Vigna's SplitMix64 generator, used to spread a seed over a larger state.
///
/// It adds a fixed odd constant (the golden ratio in 64 bits) to a counter and scrambles the
/// counter with two multiply-xorshift rounds. Consecutive outputs of even nearby seeds look
/// unrelated, which makes it the recommended way to fill the state of ``SeededGenerator``.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose counter starts at `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
