#!/usr/bin/env bash
# Measures the notebook's round trip at the engine level: how long `lessons run` takes, from
# its start to the first block's first line and to the end, for an edited chapter cut after
# the edited block (what `lessons serve` runs for an edit: every block up to that one):
#   (1) chapter 3, an edit in its last block; (2) chapter 3, an edit in its first visible
#   block; (3) chapter 2, an edit in its last block;
# then (4) a cold `lessons build` (empty result cache) with its `--timings` split.
# Each case runs "before" and "after", interleaved, REPS times (default 5), and prints the
# median and the spread (min–max) of wall time, and the compiler's CPU time:
#   before: LESSONS_CHAPTER_DEBUG_INFO=full (full -g, the driver's second type-checking job)
#           and the chapters' code as of BEFORE_REV (default 31bdbdc, before the rewrites
#           of slow-to-type-check expressions);
#   after:  this tree's engine path and chapters, the whole program compiled;
#   notebook: this tree, run the way the notebook runs an edit (`lessons run --through-block
#           last`): the blocks above the edited one compiled once and kept, the edited block
#           compiled alone as a library the program loads. Its first run compiles the blocks
#           above (reported apart, as "notebook, first edit"); the others reuse them.
# VARIANTS chooses among them (default "before after notebook"); COLD_BUILD=0 skips (4).
# Runs in a scratch copy of the book ($SCRATCH, default .build-compile-speed/, kept between
# runs: its first run builds the libraries there, which takes minutes). Needs python3.
# Usage: Benchmarks/compile-speed.sh [REPS]   (LESSONS=path/to/lessons to choose the binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
reps=${1:-5}
before_rev=${BEFORE_REV:-31bdbdc}
scratch=${SCRATCH:-$root/.build-compile-speed}

if [ -z "${LESSONS:-}" ]; then
    swift build --package-path "$root" --product lessons >/dev/null
    LESSONS="$(swift build --package-path "$root" --show-bin-path)/lessons"
fi
mkdir -p "$scratch"
tar -C "$root" --exclude='./.build*' --exclude='./.git' --exclude='./Site' -cf - . | tar -C "$scratch" -xf -
mkdir -p "$scratch/before" "$scratch/after"
for chapter in "$root"/Chapters/*.md; do
    name=$(basename "$chapter")
    cp "$chapter" "$scratch/after/$name"
    git -C "$root" show "$before_rev:Chapters/$name" >"$scratch/before/$name" 2>/dev/null \
        || cp "$chapter" "$scratch/before/$name"
done
# A `swiftc` first on PATH that logs each compile's CPU time (user + system) for the report.
mkdir -p "$scratch/bin"
cat >"$scratch/bin/swiftc" <<WRAPPER
#!/usr/bin/env bash
case " \$* " in *" --version "*) exec $(command -v swiftc) "\$@" ;; esac
exec /usr/bin/time -a -o "\$SWIFTC_CPU_LOG" -f "%U %S" $(command -v swiftc) "\$@"
WRAPPER
chmod +x "$scratch/bin/swiftc"
echo "Building the libraries in the scratch book (once)…"
"$LESSONS" run chapter1 --root "$scratch" >/dev/null 2>&1 || true

echo "compile speed on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
PATH="$scratch/bin:$PATH" VARIANTS="${VARIANTS:-before after notebook}" \
    COLD_BUILD="${COLD_BUILD:-1}" LESSONS="$LESSONS" SCRATCH="$scratch" REPS="$reps" python3 - <<'PYTHON'
import os, re, shutil, statistics, subprocess, time

lessons, scratch, reps = os.environ["LESSONS"], os.environ["SCRATCH"], int(os.environ["REPS"])
variants = os.environ["VARIANTS"].split()
chapters = os.path.join(scratch, "Chapters")

def blocks(text):
    """(fence line index, closing fence index, info) of every Swift block."""
    lines, found, i = text.split("\n"), [], 0
    while i < len(lines):
        if lines[i].startswith("```swift"):
            j = i + 1
            while not lines[j].startswith("```"):
                j += 1
            found.append((i, j, lines[i]))
            i = j
        i += 1
    return lines, found

def edited(text, which):
    """The chapter cut after the edited block, with one line added to that block."""
    lines, found = blocks(text)
    runnable = [b for b in found if "norun" not in b[2]]
    if which == "first":
        runnable = [b for b in runnable if "hidden" not in b[2]]
    start, end, _ = runnable[0] if which == "first" else runnable[-1]
    cut = lines[:end] + ['print("edited by the benchmark")', "```", ""]
    return "\n".join(cut)

def run_once(variant, name, which):
    for entry in os.listdir(chapters):
        os.remove(os.path.join(chapters, entry))
    source = open(os.path.join(scratch, "before" if variant == "before" else "after", name)).read()
    open(os.path.join(chapters, name), "w").write(edited(source, which))
    env = dict(os.environ)
    env.pop("LESSONS_CHAPTER_DEBUG_INFO", None)
    if variant == "before":
        env["LESSONS_CHAPTER_DEBUG_INFO"] = "full"
    chapter = "chapter" + str(int(name[:2]))
    cpu_log = os.path.join(scratch, "swiftc-cpu.log")
    open(cpu_log, "w").close()
    env["SWIFTC_CPU_LOG"] = cpu_log
    # Times count from the end of the engine's library check (`Building the libraries… done`),
    # which the notebook's server does once, not per run.
    start = time.monotonic()
    notebook = ["--through-block", "last"] if variant == "notebook" else []
    process = subprocess.Popen(
        [lessons, "run", chapter, "--root", scratch] + notebook, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, env=env)
    first, compile_seconds = None, None
    for raw in process.stdout:
        line = raw.decode("utf-8", "replace")
        if line.startswith("Building the libraries"):
            start = time.monotonic()
        if first is None and line.lstrip().startswith("│"):
            first = time.monotonic() - start
        match = re.search(r"Compiling .*… done \(([0-9.]+) s\)", line)
        if match:
            compile_seconds = float(match.group(1))
    process.wait()
    total = time.monotonic() - start
    cpu = sum(float(part) for entry in open(cpu_log).read().split("\n") if entry.strip()
              and not entry.startswith("Command") for part in entry.split()[:2])
    return first or total, total, cpu, compile_seconds or 0.0

def summary(values):
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"

cases = [("chapter 3, edit in the last block", "03-core-algorithms.md", "last"),
         ("chapter 3, edit in the first block", "03-core-algorithms.md", "first"),
         ("chapter 2, edit in the last block", "02-core-concepts.md", "last")]
print(f"\n{reps} runs each, interleaved; wall median (min–max); compile = the engine's figure;"
      " cpu = the compiler's CPU time (user + system)")
print(f"{'case':36} {'variant':7} {'to first output':>24} {'to finished':>24} {'compile':>24} {'compiler cpu':>24}")
for label, name, which in cases:
    samples = {variant: [] for variant in variants}
    first_edit = None
    if "notebook" in variants:
        # The notebook's first edit of this block: nothing above it compiled yet.
        shutil.rmtree(os.path.join(scratch, ".build-lessons", "notebook-prefixes"),
                      ignore_errors=True)
        first_edit = run_once("notebook", name, which)
    for _ in range(reps):
        for variant in variants:
            samples[variant].append(run_once(variant, name, which))
    rows = [(variant, samples[variant]) for variant in variants]
    if first_edit:
        rows.append(("notebook, first edit", [first_edit]))
    for variant, values in rows:
        columns = list(zip(*values))
        print(f"{label:36} {variant:7} " + " ".join(f"{summary(c):>24}" for c in
              (columns[0], columns[1], columns[3], columns[2])))

if os.environ["COLD_BUILD"] == "0":
    raise SystemExit

# A cold build of the whole book, once each: every chapter compiled and run.
print("\ncold `lessons build` (empty result cache), --timings:")
for variant in [v for v in variants if v != "notebook"]:
    for entry in os.listdir(chapters):
        os.remove(os.path.join(chapters, entry))
    for name in os.listdir(os.path.join(scratch, variant)):
        shutil.copy(os.path.join(scratch, variant, name), chapters)
    shutil.rmtree(os.path.join(scratch, ".build-lessons", "cache"), ignore_errors=True)
    env = dict(os.environ)
    env.pop("LESSONS_CHAPTER_DEBUG_INFO", None)
    if variant == "before":
        env["LESSONS_CHAPTER_DEBUG_INFO"] = "full"
    cpu_log = os.path.join(scratch, "swiftc-cpu.log")
    open(cpu_log, "w").close()
    env["SWIFTC_CPU_LOG"] = cpu_log
    start = time.monotonic()
    process = subprocess.run([lessons, "build", "--timings", "--root", scratch], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    total = time.monotonic() - start
    cpu = sum(float(part) for entry in open(cpu_log).read().split("\n") if entry.strip()
              and not entry.startswith("Command") for part in entry.split()[:2])
    text = process.stdout.decode("utf-8", "replace")
    print(f"--- {variant}: {total:.1f} s wall, compiler CPU {cpu:.1f} s, exit {process.returncode}")
    print(text[text.find("Timings"):] if "Timings" in text else text[-2000:])
PYTHON
