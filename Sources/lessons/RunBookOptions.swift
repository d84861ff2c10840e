import ArgumentParser
import Foundation
import LessonEngine

/// Options of the commands that run the whole book (`check`, `build`).
struct RunBookOptions: ParsableArguments {
    @Option(help: "Chapters to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Run every chapter again, ignoring cached results.")
    var refresh = false

    @Option(help: "Run this chapter again, ignoring its cached results (repeatable).")
    var refreshChapter: [String] = []

    @Flag(help: "Report compile and run time per chapter and the slowest blocks.")
    var timings = false

    func checkOptions(accept: Bool = false) -> CheckOptions {
        let refresh: CheckOptions.Refresh =
            self.refresh ? .all : refreshChapter.isEmpty ? .none : .chapters(Set(refreshChapter))
        return CheckOptions(jobs: jobs, accept: accept, refresh: refresh)
    }
}
