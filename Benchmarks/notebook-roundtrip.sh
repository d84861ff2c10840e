#!/usr/bin/env bash
# The live notebook's round trip: starts `lessons serve` on a scratch copy of the book and,
# over HTTP as the page does, runs edited blocks, timing from the Run request to the first
# output byte streamed back and to the edited block's result. Cases: an edit in the last
# block of chapter 3, in its first block, and in the last block of chapter 2. Each edit is new
# (it prints its own line), so nothing can be reused from an identical earlier run.
# The first run of a case is "cold": it compiles the blocks above the edited one, and no
# warm kernel waits for it (the page was just opened). The runs after it are "warm": each
# comes THINK seconds (default 3) after the last ended, as a reader edits between runs, so
# the kernel the server starts ahead has run the blocks above. Prints the cold time and the
# median and spread (min–max) of the warm runs. Usage:
#   Benchmarks/notebook-roundtrip.sh [RUNS]      (default 5 runs a case: 1 cold, 4 warm)
# The scratch copy is kept in $SCRATCH (default /tmp/lessons-notebook-bench) so that its
# library build is made once; set it to a new folder for a cold start.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
scratch=${SCRATCH:-/tmp/lessons-notebook-bench}
mkdir -p "$scratch"

swift build --package-path "$root" --product lessons >/dev/null
lessons="$(swift build --package-path "$root" --show-bin-path)/lessons"
tar -C "$root" --exclude='./.build*' --exclude='./.git' --exclude='./Site' -cf - . \
    | tar -C "$scratch" -xf -

# Cold means cold: no compiled blocks above an edit are kept from an earlier benchmark.
rm -rf "$scratch/.build-lessons/notebook-prefixes"
log="$scratch/serve.log"
"$lessons" serve --root "$scratch" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
echo "Waiting for lessons serve to build the library and the site (minutes the first time)…" >&2
until grep -q '^Serving ' "$log"; do
    if ! kill -0 $server 2>/dev/null; then
        status=0
        wait $server || status=$?
        cat "$log" >&2
        echo "lessons serve ended (status $status) before serving" >&2
        exit 1
    fi
    sleep 1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$log" | head -1)

python3 - "$url" "$runs" "${THINK:-3}" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse

url, runs, think = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
parts = urllib.parse.urlsplit(url)
port = parts.port
token = urllib.parse.parse_qs(parts.query)["token"][0]

def page(name):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/" + name)
    html = connection.getresponse().read().decode()
    start = html.index('id="lessons-notebook">') + len('id="lessons-notebook">')
    return json.loads(html[start:html.index("</script>", start)])

def run(data, block, code):
    body = json.dumps({"file": data["file"], "hash": data["hash"], "block": block["id"],
                       "edits": [{"id": block["id"], "code": code}]})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    start = time.monotonic()
    connection.request("POST", "/__lessons/run", body,
                       {"X-Lessons-Token": token, "Content-Type": "application/json"})
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"run refused: {response.status} {response.read().decode()}")
    first = finished = None
    pending = b""
    while True:
        chunk = response.read1(65536)
        if not chunk:
            break
        pending += chunk
        while b"\n\n" in pending:
            message, pending = pending.split(b"\n\n", 1)
            event = json.loads(message[len(b"data: "):])
            now = time.monotonic() - start
            if event["type"] == "output" and first is None:
                first = now
            if event["type"] == "result" and event["id"] == block["id"] and finished is None:
                finished = now
                status = event["result"]["status"]
                if status != "completed":
                    raise SystemExit(f"the edited block did not complete: {status}")
    return first, finished

def runnable(data):
    return [b for b in data["blocks"] if b["runs"] and not b["fails"] and not b["hidden"]]

cases = [
    ("chapter 3, last block", "chapter3.html", -1),
    ("chapter 3, first block", "chapter3.html", 0),
    ("chapter 2, last block", "chapter2.html", -1),
]
print(f"{'case':24} {'':5} {'first output byte':>26} {'finished block':>26}")
def describe(values):
    values = [v for v in values if v is not None]
    if not values:
        return "no output"
    if len(values) == 1:
        return f"{values[0]:6.2f} s"
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"
for label, name, index in cases:
    data = page(name)
    block = runnable(data)[index]
    firsts, finishes = [], []
    for attempt in range(runs):
        if attempt > 0:
            time.sleep(think)
        code = block["code"] + f'print("notebook benchmark {attempt} {time.time_ns()}")\n'
        first, finished = run(data, block, code)
        firsts.append(first)
        finishes.append(finished)
    print(f"{label:24} {'cold':5} {describe(firsts[:1]):>26} {describe(finishes[:1]):>26}")
    print(f"{'':24} {'warm':5} {describe(firsts[1:]):>26} {describe(finishes[1:]):>26}",
          flush=True)
PY
