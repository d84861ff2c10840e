import Foundation

/// The peer scripts of `shared/bench` (NumPy by hand, PyTorch, TensorFlow) on the same
/// training workloads, run from this benchmark so that their figures come from the same
/// minutes as ours.
///
/// With the peers' virtualenv (`$VENV`, default `~/.venv-peers`) every script runs; without
/// it only `numpy_bench.py` does, on the `python3` in `PATH` if that has NumPy, and the others
/// are reported as not measured. The scripts import scikit-learn and threadpoolctl only to
/// report versions and limit threads; where they are missing, stand-ins take their place
/// (`common.setup` has already set `OPENBLAS_NUM_THREADS` before NumPy loads).
struct PeerRun {
    /// A peer's best figure for one workload.
    struct Figure {
        let variant: String
        /// Samples per second (MLP, CNN) or milliseconds per step (LSTM, GRU).
        let value: Double
    }

    let python: String
    let scripts: [String]
    let directory: String
    /// Peers that could not be measured here, and why.
    let missing: [String]

    /// The peers this machine can run, or nil (with the reason) when none can.
    static func find() -> (run: PeerRun?, note: String) {
        let environment = ProcessInfo.processInfo.environment
        let directory =
            environment["PEER_BENCH"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../shared/bench").standardized.path
        guard FileManager.default.fileExists(atPath: directory + "/numpy_bench.py") else {
            return (nil, "peers not measured: no \(directory)/numpy_bench.py")
        }
        let home = environment["HOME"] ?? "/root"
        let venv = environment["VENV"] ?? home + "/.venv-peers"
        if FileManager.default.isExecutableFile(atPath: venv + "/bin/python") {
            return (
                PeerRun(
                    python: venv + "/bin/python",
                    scripts: ["numpy_bench.py", "torch_bench.py", "tf_bench.py"],
                    directory: directory, missing: []),
                "peers: NumPy, PyTorch and TensorFlow from \(venv)"
            )
        }
        guard succeeds(["python3", "-c", "import numpy"]) else {
            return (nil, "peers not measured: no virtualenv at \(venv), and python3 has no NumPy")
        }
        return (
            PeerRun(
                python: "python3", scripts: ["numpy_bench.py"], directory: directory,
                missing: ["PyTorch", "TensorFlow"]),
            "peers: NumPy by hand on the system python3; PyTorch and TensorFlow not measured"
                + " (no virtualenv at \(venv); see shared/bench/README.md)"
        )
    }

    /// Runs every script at `threads` threads; returns the best figure per workload (`mlp`,
    /// `cnn`, `lstm`, `gru`).
    func run(threads: Int, quietWait: Double) -> [String: Figure] {
        var best: [String: Figure] = [:]
        for script in scripts {
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("peer-\(getpid())-\(threads)-\(script).json").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            let arguments = [
                python, "-c", Self.wrapper, directory, script, String(quietWait), "--threads",
                String(threads), "--only", "mlp,cnn,rnn", "--repeats", "3", "--out", output,
            ]
            guard Self.succeeds(arguments, peerEnvironment: true),
                let data = FileManager.default.contents(atPath: output),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let results = json["results"] as? [[String: Any]]
            else {
                report("  \(script) --threads \(threads) failed: not measured")
                continue
            }
            for result in results {
                guard let section = result["section"] as? String,
                    let variant = result["variant"] as? String
                else { continue }
                var workload = section
                if section == "rnn" {
                    workload = variant.lowercased().contains("lstm") ? "lstm" : "gru"
                }
                let isTime = section == "rnn"
                guard let value = result[isTime ? "ms_per_step" : "samples_per_s"] as? Double
                else { continue }
                if let current = best[workload],
                    isTime ? current.value <= value : current.value >= value
                {
                    continue
                }
                best[workload] = Figure(variant: variant, value: value)
            }
        }
        return best
    }

    /// Runs the script with the quiet gate's longest wait set, and stand-ins for missing
    /// version-reporting modules.
    static let wrapper = """
        import sys, types, runpy
        bench, script, wait = sys.argv[1], sys.argv[2], float(sys.argv[3])
        sys.path.insert(0, bench)
        for name in ("sklearn", "threadpoolctl"):
            try:
                __import__(name)
            except ImportError:
                stand_in = types.ModuleType(name)
                stand_in.__version__ = "not installed"
                stand_in.threadpool_limits = lambda *a, **k: None
                stand_in.threadpool_info = lambda: []
                sys.modules[name] = stand_in
        import common
        common.QUIET["max_wait"] = wait
        sys.argv = [script] + sys.argv[4:]
        runpy.run_path(bench + "/" + script, run_name="__main__")
        """

    /// Runs a command found in `PATH`, its output discarded; whether it exited 0.
    ///
    /// A peer runs without `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE`, which some machines
    /// here set for older OpenBLAS builds and which slow a current NumPy.
    static func succeeds(_ arguments: [String], peerEnvironment: Bool = false) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if peerEnvironment {
            environment["OPENBLAS_CORETYPE"] = nil
            environment["OPENBLAS_L2_SIZE"] = nil
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
