#!/usr/bin/env bash
# Render-speed figures for the note: the warm Stopwatch median of each case (and the process CPU per render), ROUNDS
# times, and the median of those medians. With BEFORE=<dir of another checkout> the same cases run in that tree too,
# alternating with this one in each round, so that both see the same machine.
#
#   bash tests/load/medians.sh                                   # every page case, 3 rounds
#   CASES="ReferralCertificatePdf ReferralCertificateDocx" BEFORE=/tmp/old bash tests/load/medians.sh
#   ROUNDS=5 N=4000 bash tests/load/medians.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
N="${N:-2000}"
CASES="${CASES:-ReferralCertificatePdf ReferralCertificateDocx WorkOrderPdf WorkOrderDocx VerdictReceiptNoticePdf VerdictReceiptNoticeDocx WorkActPdf WorkActDocx ConductReportPdf ConductReportDocx EvasionReportPdf EvasionReportDocx TimeSheet60x30Pdf TimeSheet60x30Docx}"
DLL="tests/FormsService.Benchmarks/bin/Release/net10.0/linux-x64/FormsService.Benchmarks.dll"

trees=("$ROOT")
[[ -n "${BEFORE:-}" ]] && trees=("$BEFORE" "$ROOT")
for tree in "${trees[@]}"; do
  dotnet build -c Release "$tree/tests/FormsService.Benchmarks" -nologo -v q 2>&1 | grep -E " error " && exit 1
done

OUT="$(mktemp /tmp/formsservice-medians.XXXXXX)"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds of $N warm renders"
for round in $(seq 1 "$ROUNDS"); do
  for c in $CASES; do
    for tree in "${trees[@]}"; do
      label=$([[ "$tree" == "$ROOT" ]] && echo after || echo before)
      # A case the other tree does not have is skipped there.
      line=$(cd "$tree" && dotnet "$DLL" median "$c" "$N" 2>/dev/null | grep '^service ' || true)
      [[ -n "$line" ]] && echo "$round $label $line" | tee -a "$OUT"
    done
  done
done

echo "== median of the $ROUNDS rounds' medians (wall ms; CPU ms per render)"
/usr/bin/env python3 - "$OUT" <<'PY'
import re, sys, statistics
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\d+) (\w+) service (\S+): .* median ([\d.]+) ms, p95 [\d.]+ ms, CPU ([\d.]+) ms per render, (\d+) bytes", line)
    if m:
        rows.setdefault((m[3], m[2]), []).append((float(m[4]), float(m[5]), int(m[6])))
for (case, label), v in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1] != "before")):
    print(f"{case:28} {label:6}  wall {statistics.median(x[0] for x in v):7.3f}  cpu {statistics.median(x[1] for x in v):7.3f}  "
          f"{v[-1][2]:>7} bytes  rounds: " + ", ".join(f"{x[0]:.3f}" for x in v))
PY
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
