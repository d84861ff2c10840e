import Testing

/// Expects two lists of numbers to agree element by element within `tolerance`.
func expectClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.count == expected.count, "counts differ: \(actual) vs \(expected)",
        sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(
            abs(a - e) <= tolerance, "element \(index): \(a) vs \(e)",
            sourceLocation: sourceLocation)
    }
}

/// Expects two lists of `Float`s to agree element by element within `tolerance`.
func expectClose(
    _ actual: [Float], _ expected: [Float], tolerance: Float = 1e-6,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(
        actual.map(Double.init), expected.map(Double.init), tolerance: Double(tolerance),
        sourceLocation: sourceLocation)
}
