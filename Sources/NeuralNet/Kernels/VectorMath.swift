/// The exponential, the logistic sigmoid and tanh on eight `Float`s at once, for the fused
/// recurrent kernels, where calling the C library once per gate value costs more than the
/// matrix products.
///
/// The exponential is Cephes's `expf` (Moshier 1989): `eˣ = 2ⁿ·eʳ` with `n = round(x·log₂e)`,
/// `r = x - n·ln 2` (ln 2 split in two constants so that `n·ln 2` is exact), and a degree-7
/// polynomial for `eʳ`; tanh is Cephes's `tanhf`, an odd polynomial below 0.625 in magnitude
/// and `1 - 2/(e²ˣ + 1)` above. The exponential and tanh are within 2 ulp of the exact value, the sigmoid
/// within 3 (tested against `Double`), and, built only from separate multiplies,
/// adds and divides, give the same bits with or without AVX2.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// 1.5·2²³, and its bit pattern.
    private static let roundingShift = Vector(repeating: 12_582_912)
    private static let shiftBits = SIMD8<Int32>(repeating: 0x4B40_0000)

    /// `eˣ`, for `x` clamped to `-87.3...88.3` (the results stay normal and finite).
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        let clamped = clamp(x, -87.3, 88.3)
        // Adding 1.5·2²³ rounds to an integer (to nearest, ties to even) held in the low
        // mantissa bits: `n` as a float, and its bits give 2ⁿ without a conversion.
        let shifted = clamped * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        var r = clamped - n * 0.693_359_375
        r = r + n * 2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * (r * r) + r + 1
        let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- shiftBits &+ 127
        return p * unsafeBitCast(bits &<< 23, to: Vector.self)
    }

    /// `1 / (1 + e⁻ˣ)`.
    @inline(__always)
    static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }

    /// `tanh x`.
    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        let e = exp(2 * clamp(magnitude, 0, 44))
        var large = 1 - 2 / (e + 1)
        large.replace(with: -large, where: x .< 0)
        let z = x * x
        var p = Vector(repeating: -5.704_988_72e-3)
        p = p * z + 2.063_908_87e-2
        p = p * z - 5.373_971_55e-2
        p = p * z + 1.333_144_22e-1
        p = p * z - 3.333_328_19e-1
        let small = p * z * x + x
        return small.replacing(with: large, where: magnitude .>= 0.625)
    }

    /// `x` limited to `lower...upper`, lane by lane.
    @inline(__always)
    static func clamp(_ x: Vector, _ lower: Float, _ upper: Float) -> Vector {
        let low = Vector(repeating: lower)
        let high = Vector(repeating: upper)
        return x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    }

    /// Applies `function` to `count` scalars from `start`, in place, eight at a time; a last
    /// partial group goes through a padded vector, so every value gets the same arithmetic.
    @inline(__always)
    static func apply(
        _ function: (Vector) -> Vector, to start: UnsafeMutablePointer<Float>, count: Int
    ) {
        let raw = UnsafeMutableRawPointer(start)
        var index = 0
        while index + 8 <= count {
            let offset = index * MemoryLayout<Float>.stride
            raw.storeBytes(
                of: function(raw.loadUnaligned(fromByteOffset: offset, as: Vector.self)),
                toByteOffset: offset, as: Vector.self)
            index += 8
        }
        guard index < count else { return }
        var padded = Vector()
        for lane in 0..<(count - index) { padded[lane] = start[index + lane] }
        let result = function(padded)
        for lane in 0..<(count - index) { start[index + lane] = result[lane] }
    }
}
