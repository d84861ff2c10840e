/// A random number generator that gives the same sequence for the same seed, on every machine.
///
/// The algorithm is xoshiro256** by David Blackman and Sebastiano Vigna: 256 bits of state,
/// advanced by shifts, rotations and xors, and a multiply-rotate-multiply scrambler on output.
/// It is fast and passes the standard statistical test batteries; it is not for cryptography.
/// The seed is spread over the state with ``SplitMix64``, as the authors recommend.
///
/// The generator is a value: a copy continues the same sequence independently of the original.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let weights = Tensor<Double>.random(shape: [2, 3], in: -1...1, using: &generator)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
