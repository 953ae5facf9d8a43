#!/usr/bin/env bash
# Issue 6 load run: start-up time, HTTP throughput and tail latency (wrk), RSS under load and over a 100,000-render
# HTTP soak, and the pdfmake peer in the same run.
#
#   bash tests/load/run-load.sh            # everything (about 6–8 minutes on 2 cores)
#   SOAK=0 PEER=0 bash tests/load/run-load.sh   # only start-up and the 30 s load (about 1.5 minutes)
#   DOTNET_gcServer=0 bash tests/load/run-load.sh  # any DOTNET_* / ASPNETCORE_* variable reaches the service
#   DURATION=30s CONNECTIONS=16 THREADS=2 SOAK_RENDERS=100000 PEER_N=200 bash tests/load/run-load.sh
#
# Loopback only. Needs wrk (installed with apt-get when absent), node and npm for the peer.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PORT="${PORT:-5090}"
URL="http://127.0.0.1:${PORT}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
SOAK="${SOAK:-1}"
SOAK_RENDERS="${SOAK_RENDERS:-100000}"
PEER="${PEER:-1}"
PEER_N="${PEER_N:-200}"
PAYLOAD="forms/referral-certificate/2025-733/example.json"
RENDER_PATH="/api/forms/referral-certificate/render?format=pdf"
OUT="$(mktemp -d /tmp/formsservice-load.XXXXXX)"
API_DLL="src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll"
BENCH_DLL="tests/FormsService.Benchmarks/bin/Release/net10.0/linux-x64/FormsService.Benchmarks.dll"
SERVICE_PID=""

log() { printf '%s\n' "$*"; }
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  log "== installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

log "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -m | awk '/^Mem:/ {print $2}') MB RAM"
log "== building Release"
dotnet build src/FormsService.Api -c Release -nologo -v q 2>&1 | grep -E "error|Warn|Error" || true
dotnet build tests/FormsService.Benchmarks -c Release -nologo -v q 2>&1 | grep -E "error|Warn|Error" || true
[[ -f "$API_DLL" ]] || { log "missing $API_DLL"; exit 1; }

# --- start-up to ready -------------------------------------------------------------------------------------------
log "== start-up: process launch to the first 200 from /health/ready"
start_ns=$(date +%s%N)
# Logging at Warning, as in production: Information writes several JSON lines per request to the console, which
# costs more than the render itself under load (LOG_LEVEL=Information to measure that).
env ASPNETCORE_ENVIRONMENT=Production \
  "Logging__LogLevel__Default=${LOG_LEVEL:-Warning}" "Logging__LogLevel__Microsoft.AspNetCore=${LOG_LEVEL:-Warning}" \
  "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" \
  setsid dotnet "$API_DLL" --urls "$URL" </dev/null >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
ready=0
for _ in $(seq 1 3000); do
  if curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null; then ready=1; break; fi
  kill -0 "$SERVICE_PID" 2>/dev/null || break
  sleep 0.005
done
end_ns=$(date +%s%N)
[[ $ready == 1 ]] || { log "service did not become ready"; cat "$OUT/service.log"; exit 1; }
STARTUP_MS=$(( (end_ns - start_ns) / 1000000 ))
log "STARTUP_MS=$STARTUP_MS"
RSS_IDLE=$(rss_mb "$SERVICE_PID")
log "RSS idle (ready, nothing rendered): $RSS_IDLE MB"

# One request by hand: the response must be a PDF.
code=$(curl -sS -o "$OUT/one.pdf" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$PAYLOAD" "$URL$RENDER_PATH")
[[ "$code" == 200 ]] || { log "render answered $code"; head -c 500 "$OUT/one.pdf"; exit 1; }
log "one render: HTTP $code, $(stat -c %s "$OUT/one.pdf") bytes, $(head -c 5 "$OUT/one.pdf")"

# --- warm-up, then the measured run ------------------------------------------------------------------------------
log "== warm-up: 5 s"
PAYLOAD="$PAYLOAD" RENDER_PATH="$RENDER_PATH" wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s -s tests/load/render.lua "$URL" -- "$THREADS" >"$OUT/warmup.txt"
RSS_BEFORE=$(rss_mb "$SERVICE_PID")
log "RSS before load: $RSS_BEFORE MB"

sample_rss() { # file: one RSS sample a second while the load runs
  while kill -0 "$SERVICE_PID" 2>/dev/null; do rss_mb "$SERVICE_PID" >>"$1"; echo >>"$1"; sleep 1; done
}
kill -0 "$SERVICE_PID" 2>/dev/null || { log "the service stopped during the warm-up:"; tail -5 "$OUT/service.log"; exit 1; }
log "== load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, POST $RENDER_PATH"
sample_rss "$OUT/rss-load.txt" & SAMPLER=$!
PAYLOAD="$PAYLOAD" RENDER_PATH="$RENDER_PATH" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency \
  -s tests/load/render.lua "$URL" -- "$THREADS" | tee "$OUT/load.txt"
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
RPS=$(awk -F= '/^RPS=/ {print $2}' "$OUT/load.txt")
P99=$(awk -F= '/^P99_MS=/ {print $2}' "$OUT/load.txt")
NON200=$(awk -F= '/^LUA_NON200=/ {print $2}' "$OUT/load.txt")
RSS_MAX_LOAD=$(sort -n "$OUT/rss-load.txt" | tail -1)
RSS_AFTER_LOAD=$(rss_mb "$SERVICE_PID")
log "RSS during load (max of 1 s samples): $RSS_MAX_LOAD MB; after: $RSS_AFTER_LOAD MB"

# --- soak: SOAK_RENDERS renders over HTTP ------------------------------------------------------------------------
if [[ "$SOAK" == 1 ]]; then
  # wrk runs for a duration: each thread stops after SOAK_RENDERS/THREADS responses (render.lua), and the duration
  # leaves room (1.6 × the measured rate) so that the full count is reached.
  soak_s=$(awk -v n="$SOAK_RENDERS" -v r="$RPS" 'BEGIN { s = int(n / (r > 1 ? r : 1) * 1.6) + 10; print s }')
  log "== soak: $SOAK_RENDERS renders over HTTP (wrk -t$THREADS -c$CONNECTIONS, at most ${soak_s}s)"
  RSS_SOAK_BEFORE=$(rss_mb "$SERVICE_PID")
  sample_rss "$OUT/rss-soak.txt" & SAMPLER=$!
  MAX_REQUESTS="$SOAK_RENDERS" PAYLOAD="$PAYLOAD" RENDER_PATH="$RENDER_PATH" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${soak_s}s" --latency \
    -s tests/load/render.lua "$URL" -- "$THREADS" >"$OUT/soak.txt"
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  RSS_SOAK_AFTER=$(rss_mb "$SERVICE_PID")
  SOAK_DONE=$(awk -F= '/^LUA_RESPONSES=/ {print $2}' "$OUT/soak.txt")
  SOAK_NON200=$(awk -F= '/^LUA_NON200=/ {print $2}' "$OUT/soak.txt")
  RSS_SOAK_MAX=$(sort -n "$OUT/rss-soak.txt" | tail -1)
  SOAK_RPS=$(awk -F= '/^ACTIVE_RPS=/ {print $2}' "$OUT/soak.txt")
  SOAK_P99=$(awk -F= '/^P99_MS=/ {print $2}' "$OUT/soak.txt")
  # RSS at each tenth of the soak, to show whether it is flat.
  RSS_SOAK_TREND=$(awk 'NF { a[n++] = $1 } END { for (i = 0; i < 10; i++) printf "%s ", a[int(i * (n - 1) / 9)] }' "$OUT/rss-soak.txt")
  log "soak: $SOAK_DONE responses ($SOAK_NON200 not 200) at about $SOAK_RPS documents/s, p99 $SOAK_P99 ms; RSS before $RSS_SOAK_BEFORE MB, max $RSS_SOAK_MAX MB, after $RSS_SOAK_AFTER MB"
  log "soak RSS trend (MB, tenths of the run): $RSS_SOAK_TREND"
fi

cleanup; SERVICE_PID=""

# --- the peer, in the same run -----------------------------------------------------------------------------------
SERVICE_MEDIAN=""; PEER_MEDIAN=""
if [[ "$PEER" != 1 ]]; then
  log "== peer skipped (PEER=0)"
elif command -v node >/dev/null && command -v npm >/dev/null; then
  log "== peer: pdfmake (npm, installed into $OUT/peer), $PEER_N warm renders in-process"
  mkdir -p "$OUT/peer"
  cp tests/load/peer/package.json tests/load/peer/render.js tests/load/peer/definition.js "$OUT/peer/"
  (cd "$OUT/peer" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) || log "npm install failed"
  dotnet "$BENCH_DLL" peer-doc referral-certificate >"$OUT/peer/document.json"
  node "$OUT/peer/render.js" "$OUT/peer/document.json" "$ROOT/fonts" "$PEER_N" "$OUT/peer.pdf" | tee "$OUT/peer.txt"
  PEER_MEDIAN=$(awk -F= '/^PEER_MEDIAN_MS=/ {print $2}' "$OUT/peer.txt")
else
  log "== peer skipped: node/npm not found"
fi
log "== service in-process: the same page, warm (Stopwatch median)"
dotnet "$BENCH_DLL" median ReferralCertificatePdf 2000 | tee "$OUT/service-median.txt"
SERVICE_MEDIAN=$(awk -F= '/^MEDIAN_MS=/ {print $2}' "$OUT/service-median.txt")

log ""
log "== summary (results in $OUT)"
log "start-up to ready:        ${STARTUP_MS} ms            (target ≤ 1000 ms)"
log "HTTP PDF, ${CONNECTIONS} connections: ${RPS} documents/s, p99 ${P99} ms, ${NON200} non-200   (targets ≥ 600/s, p99 ≤ 30 ms)"
log "RSS: idle $RSS_IDLE MB, before load $RSS_BEFORE MB, max during load $RSS_MAX_LOAD MB, after $RSS_AFTER_LOAD MB   (target ≤ 250 MB)"
if [[ "$SOAK" == 1 ]]; then
  log "soak over HTTP: $SOAK_DONE renders at about $SOAK_RPS/s, p99 $SOAK_P99 ms; RSS $RSS_SOAK_BEFORE → $RSS_SOAK_AFTER MB (max $RSS_SOAK_MAX MB)"
fi
if [[ -n "$PEER_MEDIAN" && -n "$SERVICE_MEDIAN" ]]; then
  log "in-process median: service ${SERVICE_MEDIAN} ms, pdfmake ${PEER_MEDIAN} ms; ratio service/peer = $(awk -v s="$SERVICE_MEDIAN" -v p="$PEER_MEDIAN" 'BEGIN { printf "%.4f (peer is %.0f× slower)", s / p, p / s }')"
fi
