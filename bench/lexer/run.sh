#!/usr/bin/env bash
# Runs our ModuleLexer and es-module-lexer 3 on the same folder of ES modules, one after the other,
# and prints both result lines plus the ratio of throughputs (ours / es-module-lexer).
#   bench/lexer/run.sh [folder] [iterations]
# Default folder: the ESM files of tests/reference/node_modules (copied to a temporary folder by
# tests/reference/corpus.mjs; run `npm ci` in tests/reference first).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
iterations="${2:-20}"
folder="${1:-}"
if [ -z "$folder" ]; then
  folder="$(mktemp -d)"
  trap 'rm -rf "$folder"' EXIT
  node "$root/tests/reference/corpus.mjs" --copy "$folder"
fi

dotnet build -c Release "$root/bench/Hmr.Bench" -v q -nologo >/dev/null
ours_out=$(dotnet run -c Release --no-build --project "$root/bench/Hmr.Bench" -- analyzer "$folder" "$iterations")
theirs_out=$(node "$root/bench/lexer/es-module-lexer.mjs" "$folder" "$iterations")
ours=$(echo "$ours_out" | tail -1)
theirs=$(echo "$theirs_out" | tail -1)
echo "$ours_out" | head -1
echo "$theirs_out" | head -1
echo "ModuleLexer:     $ours"
echo "es-module-lexer: $theirs"
mbps() { echo "$1" | sed -n 's/.*MBps=\([0-9.]*\).*/\1/p'; }
cpu() { echo "$1" | head -1 | sed -n 's/.*cpu_ms_per_iteration=\([0-9.]*\).*/\1/p'; }
# On a shared machine the CPU-time ratio is steadier than the wall-clock one (both processes lose the same share).
echo "ratio (ours / es-module-lexer): MB/s $(awk -v a="$(mbps "$ours")" -v b="$(mbps "$theirs")" 'BEGIN { printf "%.2f", a / b }'), CPU time $(awk -v a="$(cpu "$ours_out")" -v b="$(cpu "$theirs_out")" 'BEGIN { printf "%.2f", b / a }')"
