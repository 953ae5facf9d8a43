#!/usr/bin/env bash
# Storm: 256 connections hammer the render route for a while. The service must stay alive, keep answering
# /health/ready, answer every request with 200 or a fast 503/429 (Retry-After), and serve the requests it admits in
# bounded time. Loopback only. Usage: bash tests/load/storm.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN="${1:-20}"
PORT=5091
command -v wrk >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build src/FormsService.Api -c Release -v quiet -nologo >/dev/null
BIN=src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll
dotnet "$BIN" --urls "http://127.0.0.1:$PORT" >/tmp/formsservice-storm.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.1; done

# Health probes during the storm, every half second.
(
  end=$((SECONDS + SECONDS_RUN))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -m 5 -w "%{http_code} %{time_total}\n" "http://127.0.0.1:$PORT/health/ready" || echo "000 5"
    sleep 0.5
  done
) >/tmp/formsservice-storm-health.txt &
PROBES=$!

wrk -t2 -c256 -d"${SECONDS_RUN}s" --timeout 10s --latency -s tests/load/storm.lua "http://127.0.0.1:$PORT" | tee /tmp/formsservice-storm-wrk.txt
wait $PROBES

probes=$(wc -l </tmp/formsservice-storm-health.txt)
healthy=$(grep -c '^200 ' /tmp/formsservice-storm-health.txt || true)
slowest=$(awk '{print $2}' /tmp/formsservice-storm-health.txt | sort -n | tail -1)
rss=$(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$PID/status)
echo "health during the storm: $healthy/$probes probes answered 200, slowest ${slowest}s; RSS after: $rss"
kill -0 $PID 2>/dev/null && echo "service alive after the storm" || { echo "FAIL: the service died"; exit 1; }
grep -q "FAIL" /tmp/formsservice-storm-wrk.txt && exit 1
[ "$healthy" -eq "$probes" ] || { echo "FAIL: /health/ready did not always answer"; exit 1; }
echo "OK"
