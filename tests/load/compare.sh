#!/usr/bin/env bash
# The HTTP comparison: the service rendering the referral-certificate PDF, pdfmake doing the same behind Node
# (peer/server.js, one process per core), and the floor — a minimal ASP.NET Core app that reads and parses the same
# JSON body and answers a fixed PDF of the same size (floor/). All run at once on loopback and are loaded in turn,
# round after round (wrk, the same body, the same connections), so that each sees the same machine; the summary gives
# the median of the rounds for each and the service's ratios to the other two.
#
#   bash tests/load/compare.sh                                # 3 rounds of 10 s each
#   BEFORE=/path/to/other/checkout bash tests/load/compare.sh  # that tree's service too, in the same rounds
#   ROUNDS=5 DURATION=15s WARMUP=20s CONNECTIONS=16 bash tests/load/compare.sh
#
# Needs wrk, node and npm (pdfmake is installed into PEER_DIR, outside the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
# Long enough for the service's tiered JIT to reach its final code; on a busy machine that takes longer.
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PEER_DIR="${PEER_DIR:-/tmp/formsservice-peer}"
PAYLOAD="forms/referral-certificate/2025-733/example.json"
RENDER_PATH="/api/forms/referral-certificate/render?format=pdf"
API_DLL="src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll"
BENCH_DLL="tests/FormsService.Benchmarks/bin/Release/net10.0/linux-x64/FormsService.Benchmarks.dll"
FLOOR_DLL="tests/load/floor/bin/Release/net10.0/linux-x64/FloorApp.dll"
OUT="$(mktemp -d /tmp/formsservice-compare.XXXXXX)"
PIDS=()

cleanup() {
  # Each server is the leader of its own process group (setsid): the group goes, with the peer's workers.
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== building Release"
build() { dotnet build "$1" -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" && exit 1 || true; }
build src/FormsService.Api
build tests/FormsService.Benchmarks
build tests/load/floor/FloorApp.csproj
[[ -n "${BEFORE:-}" ]] && (cd "$BEFORE" && build src/FormsService.Api)

if [[ ! -d "$PEER_DIR/node_modules/pdfmake" ]]; then
  echo "== installing pdfmake into $PEER_DIR"
  mkdir -p "$PEER_DIR"
  cp tests/load/peer/package.json "$PEER_DIR/"
  (cd "$PEER_DIR" && npm install --no-audit --no-fund --silent >/dev/null)
fi
cp tests/load/peer/definition.js tests/load/peer/server.js "$PEER_DIR/"
dotnet "$BENCH_DLL" peer-doc referral-certificate >"$OUT/document.json"

wait_for() { # url
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "not answering: $1"; exit 1
}
service() { # dir port: the service, as in production (logs at Warning)
  env -C "$1" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    setsid dotnet "$API_DLL" --urls "http://127.0.0.1:$2" </dev/null >"$OUT/service-$2.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$2/health/ready"
}

declare -A URL GROUP
service "$ROOT" 5090; URL[service]="http://127.0.0.1:5090"; GROUP[service]=${PIDS[-1]}
if [[ -n "${BEFORE:-}" ]]; then service "$BEFORE" 5092; URL[before]="http://127.0.0.1:5092"; GROUP[before]=${PIDS[-1]}; fi
curl -fsS -o "$OUT/service.pdf" -H 'Content-Type: application/json' --data-binary "@$PAYLOAD" "${URL[service]}$RENDER_PATH"
setsid dotnet "$FLOOR_DLL" --pdf "$OUT/service.pdf" --urls http://127.0.0.1:5091 </dev/null >"$OUT/floor.log" 2>&1 & PIDS+=($!)
URL[floor]="http://127.0.0.1:5091"; GROUP[floor]=${PIDS[-1]}
setsid node "$PEER_DIR/server.js" "$OUT/document.json" "$ROOT/fonts" 5093 </dev/null >"$OUT/peer.log" 2>&1 & PIDS+=($!)
URL[pdfmake]="http://127.0.0.1:5093"; GROUP[pdfmake]=${PIDS[-1]}
wait_for "${URL[floor]}/health"; wait_for "${URL[pdfmake]}/health"
sleep 1
for name in "${!URL[@]}"; do
  code=$(curl -sS -o "$OUT/$name.out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$PAYLOAD" "${URL[$name]}$RENDER_PATH")
  echo "$name: HTTP $code, $(stat -c %s "$OUT/$name.out") bytes, $(head -c 5 "$OUT/$name.out")"
  [[ "$code" == 200 ]] || exit 1
done

# CPU time (user + system, clock ticks) of a server's process group: with the requests served, the CPU a request
# costs — a figure the other work on a shared machine moves far less than requests per second.
cpu_ticks() { # group
  local total=0 p
  for p in $(pgrep -g "$1"); do
    total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
TICK=$(getconf CLK_TCK)

load() { # name duration
  PAYLOAD="$PAYLOAD" RENDER_PATH="$RENDER_PATH" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$2" --latency -s tests/load/render.lua "${URL[$1]}" -- "$THREADS"
}
order=(service pdfmake floor)
[[ -n "${BEFORE:-}" ]] && order=(before service pdfmake floor)
echo "== warm-up: $WARMUP each"
for name in "${order[@]}"; do load "$name" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for name in "${order[@]}"; do
    before_cpu=$(cpu_ticks "${GROUP[$name]}")
    load "$name" "$DURATION" >"$OUT/$round-$name.txt"
    cpu=$(( $(cpu_ticks "${GROUP[$name]}") - before_cpu ))
    rps=$(awk -F= '/^RPS=/ {print $2}' "$OUT/$round-$name.txt")
    p99=$(awk -F= '/^P99_MS=/ {print $2}' "$OUT/$round-$name.txt")
    bad=$(awk -F= '/^LUA_NON200=/ {print $2}' "$OUT/$round-$name.txt")
    done_n=$(awk -F= '/^LUA_RESPONSES=/ {print $2}' "$OUT/$round-$name.txt")
    cpu_ms=$(awk -v c="$cpu" -v t="$TICK" -v n="$done_n" 'BEGIN { printf "%.3f", (n > 0 ? c * 1000 / t / n : 0) }')
    echo "$round $name rps=$rps p99_ms=$p99 cpu_ms=$cpu_ms non200=$bad load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/rounds.txt"
  done
done

echo "== median of $ROUNDS rounds ($CONNECTIONS connections, $DURATION each; results in $OUT)"
/usr/bin/env python3 - "$OUT/rounds.txt" <<'PY'
import re, statistics, sys
rps, p99, cpu, rounds = {}, {}, {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"(\d+) (\w+) rps=([\d.]+) p99_ms=([\d.]+) cpu_ms=([\d.]+)", line)
    if m:
        rps.setdefault(m[2], []).append(float(m[3])); p99.setdefault(m[2], []).append(float(m[4])); cpu.setdefault(m[2], []).append(float(m[5]))
        rounds.setdefault(int(m[1]), {})[m[2]] = float(m[3])
med = {k: statistics.median(v) for k, v in rps.items()}
for k in rps:
    print(f"{k:8} {med[k]:10.1f} requests/s   p99 {statistics.median(p99[k]):7.2f} ms   CPU {statistics.median(cpu[k]):7.3f} ms a request   rounds: "
          + ", ".join(f"{x:.0f}" for x in rps[k]))
for k in ("before", "service"):
    if k in med:
        # Also the median of each round's own ratio: the three ran within seconds of each other there.
        peer = statistics.median(r[k] / r["pdfmake"] for r in rounds.values())
        floor = statistics.median(100 * r[k] / r["floor"] for r in rounds.values())
        print(f"{k}: {med[k] / med['pdfmake']:.1f}x pdfmake, {100 * med[k] / med['floor']:.1f} % of the floor "
              f"(medians of the rounds' own ratios: {peer:.1f}x, {floor:.1f} %)")
PY
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
