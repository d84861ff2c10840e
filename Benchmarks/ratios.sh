#!/usr/bin/env bash
# Prints every performance ratio the README reports, from one run (about 4 minutes on this
# project's 2-core machine, plus the first build):
#   - matrix multiply, n = 128…1024, fp32 and fp64, 1 and 2 threads, against OpenBLAS
#     (Debian's libopenblas0, loaded at run time), the two interleaved round by round;
#   - the MLP, CNN, LSTM and GRU training workloads against the best peer script of
#     ../shared/bench (NumPy by hand on the system python3; PyTorch and TensorFlow too when the
#     peers' virtualenv, $VENV or ~/.venv-peers, exists), ours and theirs back-to-back.
# The Benchmarks are built in release with the flags the engine gives the libraries on this
# processor (cpu-flags.sh, as Toolchain.cpuArguments chooses them).
# Usage: Benchmarks/ratios.sh   Environment: QUIET_WAIT (seconds each measurement may wait for
# other processes to use under a quarter of a core; default 5), VENV, PEER_BENCH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/Benchmarks/cpu-flags.sh"
build=(swift build --package-path "$root" -c release "${cpu_flags[@]}" --scratch-path "$root/.build-bench")
"${build[@]}" --product Benchmarks >&2
echo "Build: release ${cpu_flags[*]:-(baseline x86-64)}; $(date -u '+%Y-%m-%d %H:%M UTC')"
PEER_BENCH=${PEER_BENCH:-$root/../shared/bench} BENCHMARKS_QUIET_WAIT=${QUIET_WAIT:-5} \
    "$("${build[@]}" --show-bin-path)/Benchmarks" ratios
