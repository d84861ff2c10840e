/// Writes a number with a fixed count of digits after the decimal point, like C's `%.*f`.
///
/// The result is the number's exact binary value correctly rounded, ties to even, which is what
/// glibc's `printf` prints; but it is computed here with integer and IEEE arithmetic only, so it
/// depends on neither the locale nor the platform's C library, and it never prints `-0.0000`:
/// a negative number that rounds to zero prints as `0.0000`.
///
/// `nan`, `inf` and `-inf` print as those words. Magnitudes of 2⁶⁴ (about 1.8e19) and more,
/// which no fixed layout shows usefully, fall back to Swift's shortest round-trip form.
///
/// - Parameters:
///   - value: The number; a `Float` is widened to `Double` exactly.
///   - decimals: Digits after the point, 0 through 15. With 0 there is no point.
func formatDecimal(_ value: Double, decimals: Int) -> String {
    guard (0...15).contains(decimals) else {
        fatalError("formatted(decimals:): decimals must be in 0...15, not \(decimals)")
    }
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }

    let magnitude = value.magnitude
    let wholeValue = magnitude.rounded(.down)
    guard var whole = UInt64(exactly: wholeValue) else { return value.description }
    let fraction = magnitude - wholeValue  // exact, by Sterbenz's lemma

    let unit = powerOfTen(decimals)
    var units = roundedUnits(
        of: fraction, scale: Double(unit), lastDigitBeforeIsOdd: whole % 2 == 1)
    if units == unit {  // the fraction rounded up to a whole one
        whole += 1
        units = 0
    }

    let isNegative = value < 0 && (whole != 0 || units != 0)
    var text = isNegative ? "-" : ""
    text += String(whole)
    if decimals > 0 {
        let digits = String(units)
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
}

/// `fraction × scale` rounded to the nearest integer, ties to even, for `0 ≤ fraction < 1`.
///
/// The product is formed in floating point and its rounding error recovered exactly with a
/// fused multiply-add, so the decision is made on the exact product: the tie case, where the
/// rounded product lies exactly halfway, is settled by the sign of that error.
/// `lastDigitBeforeIsOdd` is the parity of the digit before the fraction, which decides a true
/// tie when `scale` is 1.
private func roundedUnits(of fraction: Double, scale: Double, lastDigitBeforeIsOdd: Bool) -> UInt64
{
    let product = fraction * scale  // below scale ≤ 10¹⁵ < 2⁵², so spacing ≤ 1/2
    let error = (-product).addingProduct(fraction, scale)  // exact: product + error = exact
    let below = product.rounded(.down)
    let excess = product - below  // exact, in [0, 1)
    var units = UInt64(below)
    let isOdd = scale == 1 ? lastDigitBeforeIsOdd : units % 2 == 1
    if excess > 0.5 {
        units += 1
    } else if excess == 0.5 {
        if error > 0 || (error == 0 && isOdd) {
            units += 1
        }
    }
    return units
}

/// 10 to the power `exponent`, for 0 through 18.
private func powerOfTen(_ exponent: Int) -> UInt64 {
    (0..<exponent).reduce(1) { power, _ in power * 10 }
}
