import Foundation

/// A standard normal draw by the Box–Muller transform, from any generator (so that seeded
/// simulations are reproducible on every platform).
func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
    let u = 1 - Double.random(in: 0..<1, using: &generator)  // in (0, 1], so log(u) is finite
    let v = Double.random(in: 0..<1, using: &generator)
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
}
