#!/usr/bin/env bash
# Where a request's CPU goes: the Release service under wrk (the render route, 16 connections), sampled by perf with
# the JIT's symbol map, after a warm-up long enough for tiered compilation to settle. Prints the CPU by library and
# the frames of the service, the compressor and Kestrel that hold most of it (inclusive), and keeps perf.data.
#
#   bash tests/load/profile.sh                   # 30 s warm-up, 25 s sampled
#   WARMUP=60s SECONDS_SAMPLED=40 bash tests/load/profile.sh
#   perf report -i <dir>/perf.data --children --sort sym   # then read it at leisure
#
# Needs perf (linux-perf) and wrk. DOTNET_EnableWriteXorExecute=0 lets perf find JIT-compiled code in the map file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PORT="${PORT:-5094}"
WARMUP="${WARMUP:-30s}"
SECONDS_SAMPLED="${SECONDS_SAMPLED:-25}"
API_DLL="src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll"
OUT="$(mktemp -d /tmp/formsservice-profile.XXXXXX)"
export PAYLOAD="forms/referral-certificate/2025-733/example.json" RENDER_PATH="/api/forms/referral-certificate/render?format=pdf"

dotnet build src/FormsService.Api -c Release -nologo -v q 2>&1 | grep -E " error " && exit 1
env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  setsid dotnet "$API_DLL" --urls "http://127.0.0.1:$PORT" </dev/null >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill -- "-$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 0.05; done

echo "== load average $(cut -d' ' -f1-3 /proc/loadavg); warm-up $WARMUP"
wrk -t2 -c16 -d "$WARMUP" -s tests/load/render.lua "http://127.0.0.1:$PORT" -- 2 | grep -E "^RPS="
wrk -t2 -c16 -d "$((SECONDS_SAMPLED + 5))s" -s tests/load/render.lua "http://127.0.0.1:$PORT" -- 2 >"$OUT/wrk.txt" &
WRK=$!
sleep 2
perf record -F 999 -g -p "$PID" -o "$OUT/perf.data" -- sleep "$SECONDS_SAMPLED" 2>/dev/null
wait "$WRK"
grep -E "^(RPS|P99_MS)=" "$OUT/wrk.txt"

echo "== CPU by library (self)"
perf report -i "$OUT/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E "^ +[0-9]" | head -12
echo "== the service's, the compressor's and Kestrel's frames (inclusive)"
perf report -i "$OUT/perf.data" --children --sort sym --stdio -g none 2>/dev/null | grep -E "^ +[0-9]" \
  | grep -E "FormsService\.|Compression|Kestrel.*ProcessRequests|OpenTelemetry|RateLimiting" | grep -v "AsyncStateMachineBox\|ExecutionContext" \
  | sed -E 's/\[(Instrumented|Optimized|QuickJitted|OptimizedTier1|InstrumentedTier|InstrumentedTierOptimized)[^]]*\]//' | cut -c1-220 | head -40
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg); perf.data in $OUT"
