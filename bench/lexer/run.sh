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
ours=$(dotnet run -c Release --no-build --project "$root/bench/Hmr.Bench" -- analyzer "$folder" "$iterations" | tail -1)
theirs=$(node "$root/bench/lexer/es-module-lexer.mjs" "$folder" "$iterations" | tail -1)
echo "ModuleLexer:     $ours"
echo "es-module-lexer: $theirs"
mbps() { echo "$1" | sed -n 's/.*MBps=\([0-9.]*\).*/\1/p'; }
echo "ratio (ours / es-module-lexer MB/s): $(awk -v a="$(mbps "$ours")" -v b="$(mbps "$theirs")" 'BEGIN { printf "%.2f", a / b }')"
