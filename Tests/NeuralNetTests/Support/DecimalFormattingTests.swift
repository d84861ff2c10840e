import Testing

@testable import NeuralNet

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct DecimalFormattingTests {
    @Test func exactTiesRoundToEven() {
        // These values are exact in binary, so they are true ties.
        #expect(formatDecimal(0.125, decimals: 2) == "0.12")
        #expect(formatDecimal(0.375, decimals: 2) == "0.38")
        #expect(formatDecimal(0.5, decimals: 0) == "0")
        #expect(formatDecimal(1.5, decimals: 0) == "2")
        #expect(formatDecimal(2.5, decimals: 0) == "2")
        #expect(formatDecimal(-2.5, decimals: 0) == "-2")
        #expect(formatDecimal(1.0625, decimals: 3) == "1.062")
    }

    @Test func apparentTiesFollowTheExactBinaryValue() {
        // Stored values: 0.00015 is 0.000149999999999999986..., 1.0005 is 1.000499999999999989...,
        // 0.35 is 0.349999999999999977..., 2.675 is 2.674999999999999822...
        #expect(formatDecimal(0.00015, decimals: 4) == "0.0001")
        #expect(formatDecimal(1.0005, decimals: 3) == "1.000")
        #expect(formatDecimal(0.35, decimals: 1) == "0.3")
        #expect(formatDecimal(2.675, decimals: 2) == "2.67")
        // 0.45 is stored as 0.450000000000000011102..., just above the tie.
        #expect(formatDecimal(0.45, decimals: 1) == "0.5")
    }

    @Test func roundingCarriesIntoTheWholePart() {
        #expect(formatDecimal(9.99996, decimals: 4) == "10.0000")
        #expect(formatDecimal(-0.99999, decimals: 4) == "-1.0000")
        #expect(formatDecimal(0.99, decimals: 0) == "1")
    }

    @Test func smallNegativesLoseTheirSign() {
        #expect(formatDecimal(-0.0, decimals: 4) == "0.0000")
        #expect(formatDecimal(-0.00004999, decimals: 4) == "0.0000")
        #expect(formatDecimal(-0.00005001, decimals: 4) == "-0.0001")
        #expect(formatDecimal(-.leastNonzeroMagnitude, decimals: 15) == "0.000000000000000")
    }

    @Test func largeMagnitudes() {
        #expect(formatDecimal(123_456_789_012.5, decimals: 4) == "123456789012.5000")
        #expect(formatDecimal(0x1p53 + 2, decimals: 2) == "9007199254740994.00")
        #expect(formatDecimal(1e300, decimals: 4) == "1e+300")
    }

    /// The C library's printf rounds the exact binary value correctly, ties to even (glibc and
    /// Apple's libc both do); so must we. Foundation's `String(format:)` is no reference: on
    /// Linux it prints 0.005 with two decimals as "0.00".
    @Test func agreesWithPrintfOnManyValues() {
        var generator = SeededGenerator(seed: 7)
        var disagreements: [String] = []
        for index in 0..<20_000 {
            let bits = generator.next()
            let decimals = Int(bits % 9)
            let exponent = Int((bits >> 8) % 16) - 8  // magnitudes from 1e-8 to 1e7
            var value = (Double(bits >> 11) * 0x1p-53 * 2 - 1) * power(10, exponent)
            if index % 2 == 0 {
                // Half the values sit as near a decimal tie as binary allows.
                let scale = power(10, decimals)
                value = ((value * scale).rounded(.down) + 0.5) / scale
            }
            let expected = cFormat(value, decimals: decimals)
            let actual = formatDecimal(value, decimals: decimals)
            // printf keeps the sign of a negative number that rounds to zero; we drop it.
            if actual != expected && "-" + actual != expected {
                disagreements.append("\(value) at \(decimals): \(actual) vs \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}

/// 10 to the power `exponent`, exact for the exponents used here.
private func power(_ base: Double, _ exponent: Int) -> Double {
    exponent >= 0
        ? (0..<exponent).reduce(1) { value, _ in value * base }
        : 1 / power(base, -exponent)
}

/// `value` printed by the C library's `printf("%.*f", decimals, value)`.
private func cFormat(_ value: Double, decimals: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([Int32(decimals), value]) { arguments in
        vsnprintf(&buffer, buffer.count, "%.*f", arguments)
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
