#!/usr/bin/env bash
# Issue 14 merge figures: 1,000 referral-certificate rows (a CSV and an XLSX made from the service's own template)
# merged to a ZIP of PDFs and to one PDF, each REPEATS times; prints every run's wall time and the median, and the
# service's peak RSS (VmHWM) after all runs. Loopback only; the service runs in Release with Warning logs.
#
#   bash tests/load/merge.sh                 # 3 repeats of each
#   ROWS=1000 REPEATS=5 bash tests/load/merge.sh
#   WARM=0 bash tests/load/merge.sh          # a cold service: the first run includes the JIT
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PORT="${PORT:-5091}"
URL="http://127.0.0.1:${PORT}"
ROWS="${ROWS:-1000}"
REPEATS="${REPEATS:-3}"
OUT="$(mktemp -d /tmp/formsservice-merge.XXXXXX)"
API_DLL="src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll"
BASE="$URL/api/forms/referral-certificate"
SERVICE_PID=""

cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

dotnet build src/FormsService.Api -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" || true
[[ -f "$API_DLL" ]] || { echo "missing $API_DLL"; exit 1; }
env ASPNETCORE_ENVIRONMENT=Production "Logging__LogLevel__Default=Warning" "Logging__LogLevel__Microsoft.AspNetCore=Warning" \
  setsid dotnet "$API_DLL" --urls "$URL" </dev/null >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 100); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== service ready (pid $SERVICE_PID), RSS $(awk '/^VmRSS:/ {printf "%.0f MB", $2/1024}' /proc/$SERVICE_PID/status)"

# ROWS rows: the template's example row with a distinct surname each (the CSV), and the same rows as an XLSX.
curl -fs "$BASE/versions/2025-733/template.csv" -o "$OUT/template.csv"
/usr/bin/python3 - "$OUT/template.csv" "$OUT/rows.csv" "$ROWS" <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8-sig', newline='').read().split('\r\n')
header, paths, example = lines[0], lines[1], lines[2]
with open(sys.argv[2], 'w', encoding='utf-8-sig', newline='') as out:
    out.write(header + '\r\n' + paths + '\r\n')
    for i in range(int(sys.argv[3])):
        out.write(example.replace('Сейтқалиев', f'Сейтқалиев{i:04d}') + '\r\n')
PY
echo "== $ROWS rows: $(wc -c < "$OUT/rows.csv") bytes of CSV"

# CPU seconds the service has used (user + system): on a machine shared with other work, wall time measures the
# neighbours too; the service's own CPU time does not.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$SERVICE_PID/stat"; }

run() { # label, content type, file, query
  local times=() cpus=()
  for i in $(seq 1 "$REPEATS"); do
    local t before after
    before=$(cpu)
    t=$(curl -fs -o "$OUT/answer" -w '%{time_total}' -H "Content-Type: $2" --data-binary "@$3" "$BASE/merge?$4")
    after=$(cpu)
    times+=("$t")
    cpus+=("$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.3f", a - b }')")
    printf '   run %d: %.3f s wall, %s s service CPU, %s bytes\n' "$i" "$t" "${cpus[-1]}" "$(wc -c < "$OUT/answer")"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" '{ a[NR] = $1 } END { printf "== %s: median %.3f s wall of %d\n", label, a[int((NR + 1) / 2)], NR }'
  printf '%s\n' "${cpus[@]}" | sort -n | awk -v label="$1" '{ a[NR] = $1 } END { printf "== %s: median %.3f s service CPU of %d\n", label, a[int((NR + 1) / 2)], NR }'
  printf '== %s: peak RSS (VmHWM) %s\n' "$1" "$(awk '/^VmHWM:/ {printf "%.0f MB", $2/1024}' /proc/$SERVICE_PID/status)"
  # Reset the high-water mark so that the next mode's peak is its own (Linux: 5 > clear_refs).
  echo 5 > "/proc/$SERVICE_PID/clear_refs" 2>/dev/null || true
}

# A running service is warm: one untimed merge of 20 rows in each mode first, so that the figures measure merging,
# not the JIT compiling the merge's code on its first call (WARM=0 to time a cold service).
if [[ "${WARM:-1}" == "1" ]]; then
  head -n 22 "$OUT/rows.csv" > "$OUT/warm.csv"
  for q in "format=pdf" "format=pdf&output=single" "format=pdf&output=single&pdfa=2b"; do
    curl -fs -o /dev/null -H "Content-Type: text/csv" --data-binary "@$OUT/warm.csv" "$BASE/merge?$q"
  done
  echo "== warmed up: one merge of 20 rows in each mode"
fi

echo "== CSV → ZIP of PDFs"
run "csv-zip" "text/csv" "$OUT/rows.csv" "format=pdf"
unzip -l "$OUT/answer" | tail -1
echo "== CSV → one PDF"
run "csv-single" "text/csv" "$OUT/rows.csv" "format=pdf&output=single"
echo "   pages: $(qpdf --show-npages "$OUT/answer")"
echo "== CSV → one PDF/A-2b"
run "csv-single-pdfa" "text/csv" "$OUT/rows.csv" "format=pdf&output=single&pdfa=2b"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== peak RSS (VmHWM) of the service: $(awk '/^VmHWM:/ {printf "%.0f MB", $2/1024}' /proc/$SERVICE_PID/status)"
