#!/usr/bin/env bash
# The live notebook's round trip: starts `lessons serve` on a scratch copy of the book and,
# over HTTP as the page does, runs edited blocks, timing from the Run request to the first
# output byte streamed back and to the edited block's result. Cases: an edit in the last
# block of chapter 3, in its first block, and in the last block of chapter 2. Each edit is new
# (it prints its own line), so nothing can be reused from an identical earlier run.
# Prints the median and the spread (min–max) of each. Usage:
#   Benchmarks/notebook-roundtrip.sh [RUNS]      (default 5 runs a case)
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

log="$scratch/serve.log"
"$lessons" serve --root "$scratch" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
echo "Waiting for lessons serve to build the library and the site (minutes the first time)…" >&2
until grep -q '^Serving ' "$log"; do
    kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$log" | head -1)

python3 - "$url" "$runs" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse

url, runs = sys.argv[1], int(sys.argv[2])
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
print(f"{'case':26} {'first output byte':>28} {'finished block':>28}")
for label, name, index in cases:
    data = page(name)
    block = runnable(data)[index]
    firsts, finishes = [], []
    for attempt in range(runs):
        code = block["code"] + f'print("notebook benchmark {attempt} {time.time_ns()}")\n'
        first, finished = run(data, block, code)
        firsts.append(first)
        finishes.append(finished)
    def describe(values):
        values = [v for v in values if v is not None]
        if not values:
            return "no output"
        return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"
    print(f"{label:26} {describe(firsts):>28} {describe(finishes):>28}", flush=True)
PY
