extension TerminalReporter {
    /// `--timings`: compile and run time per chapter, then the slowest blocks of the book.
    public func timings(_ report: CheckReport) {
        status("Timings (compile + run; cached chapters show the times of their cached run):\n")
        for result in report.results.sorted(by: {
            $0.compileSeconds + $0.runSeconds > $1.compileSeconds + $1.runSeconds
        }) {
            let cached = result.fromCache ? " (cached)" : ""
            status(
                "  \(result.chapter.id): compile \(Self.seconds(result.compileSeconds)), "
                    + "run \(Self.seconds(result.runSeconds))\(cached)\n")
        }
        let slowest = report.results.flatMap(\.blocks).filter { $0.seconds > 0 }
            .sorted { $0.seconds > $1.seconds }.prefix(5)
        guard !slowest.isEmpty else { return }
        status("Slowest blocks:\n")
        for block in slowest {
            status(
                "  \(Self.milliseconds(block.seconds))  \(block.block.location) · \(block.block.title)\n"
            )
        }
    }

    /// `12 ms`, or seconds from one second up.
    static func milliseconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : seconds(value)
    }
}
