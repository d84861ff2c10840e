#!/usr/bin/env bash
# Measures how fast `lessons build` is, in a scratch copy of the book:
#   (a) cold: an empty result cache, the library already built;
#   (b) a no-op rebuild; (c) after a prose edit; (d) after a code edit in one chapter.
#   (e) the library's own benchmarks, and the peer scripts in ../shared/bench beside them when
#       their virtualenv ($VENV, default ~/.venv-peers) exists.
# Prints one line per case, with what ran. Usage: Benchmarks/build-speed.sh [--with-library]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

swift build --package-path "$root" --product lessons -c release >/dev/null
lessons="$(swift build --package-path "$root" -c release --show-bin-path)/lessons"

tar -C "$root" --exclude='./.build*' --exclude='./.git' -cf - . | tar -C "$scratch" -xf -
# The library build is not what we measure: make it once, in the copy.
swift build --package-path "$scratch" -c release --product NeuralNet --scratch-path "$scratch/.build-lessons" >/dev/null
swift build --package-path "$scratch" -c release --product Figures --scratch-path "$scratch/.build-lessons" >/dev/null 2>&1 || true

measure() {
    local label=$1
    local start end
    start=$(date +%s.%N)
    "$lessons" build --root "$scratch" >"$scratch/last.log" 2>&1
    end=$(date +%s.%N)
    printf '%-34s %6.2f s   %s\n' "$label" "$(echo "$end - $start" | bc)" \
        "$(grep -o '[0-9]* from the cache, [0-9]* to run' "$scratch/last.log" | head -1)"
}

echo "lessons build speed on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
rm -rf "$scratch/.build-lessons/cache"
measure "(a) cold, library built"
measure "(b) no-op rebuild"
chapter=$(ls "$scratch/Chapters"/*.md | head -1)
printf '\nA paragraph added by the benchmark.\n' >>"$chapter"
measure "(c) after a prose edit"
printf '\n```swift\nprint("added by the benchmark")\n```\n' >>"$chapter"
measure "(d) after a code edit in one chapter"
"$lessons" build --root "$scratch" --timings 2>/dev/null | sed -n '/^Timings/,$p'

if [ "${1:-}" = "--with-library" ]; then
    echo
    echo "(e) library benchmarks (AVX2 where the CPU has it, as the engine builds them)"
    cpu_flags=()
    if grep -q ' avx2' /proc/cpuinfo && grep -q ' fma' /proc/cpuinfo; then
        cpu_flags=(-Xswiftc -target-cpu -Xswiftc haswell)
    fi
    swift run --package-path "$root" -c release "${cpu_flags[@]}" --scratch-path "$root/.build-bench" Benchmarks
    venv=${VENV:-$HOME/.venv-peers}
    bench="$root/../shared/bench"
    if [ -x "$venv/bin/python" ] && [ -d "$bench" ]; then
        echo
        echo "(e) peers, same workloads ($bench)"
        (cd "$bench" && VENV="$venv" bash run_all.sh "$scratch/peer-results")
    else
        echo "(peers skipped: no virtualenv at $venv; see ../shared/bench/README.md)"
    fi
fi
