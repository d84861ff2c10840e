#!/usr/bin/env bash
# Measures how fast `lessons build` is, in a scratch copy of the book:
#   (a) cold: an empty result cache, the library already built;
#   (b) a no-op rebuild; (c) after a prose edit; (d) after a code edit in one chapter.
#   (e) the library's own benchmarks and ratios against OpenBLAS and the peer scripts
#       (Benchmarks/ratios.sh).
# Prints one line per case, with what ran. Usage: Benchmarks/build-speed.sh [--with-library]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

swift build --package-path "$root" --product lessons -c release >/dev/null
lessons="$(swift build --package-path "$root" -c release --show-bin-path)/lessons"

tar -C "$root" --exclude='./.build*' --exclude='./.git' -cf - . | tar -C "$scratch" -xf -
# The library build is not what we measure: make it once, in the copy, exactly as the engine
# does (Toolchain.buildLibrary: every library, with the processor's flags, cpu-flags.sh).
# Built with other flags, the engine would rebuild it inside case (a); the
# "libraries" column shows that it did not.
source "$root/Benchmarks/cpu-flags.sh"
for library in NeuralNet Figures Brain; do
    swift build --package-path "$scratch" -c release --product "$library" \
        --scratch-path "$scratch/.build-lessons" "${cpu_flags[@]}" >/dev/null
done

measure() {
    local label=$1
    local start end
    start=$(date +%s.%N)
    "$lessons" build --root "$scratch" >"$scratch/last.log" 2>&1
    end=$(date +%s.%N)
    printf '%-34s %6.2f s   %s; libraries: %s\n' "$label" "$(echo "$end - $start" | bc)" \
        "$(grep -o '[0-9]* from the cache, [0-9]* to run' "$scratch/last.log" | head -1)" \
        "$(grep -o 'Building the libraries (release)… done ([^)]*)' "$scratch/last.log" |
            sed 's/.*done (\(.*\))/swift build took \1/' | head -1 | grep . || echo 'not needed')"
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
    echo "(e) ratios against OpenBLAS and the peers (Benchmarks/ratios.sh)"
    "$root/Benchmarks/ratios.sh"
fi
